using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class GoogLeNetTests
{
    [TestMethod]
    public void Create_Torchvision_TorchvisionParameterCount()
    {
        // torchvision 0.14.1: googlenet(aux_logits=False, init_weights=False), sum(p.numel() for p in model.parameters()).
        Assert.AreEqual(6_624_904L, GoogLeNet.Create([3, 224, 224], 1000, GoogLeNetOptions.Torchvision).Summary().TrainableParameters);
    }

    [TestMethod]
    public void Create_Paper_ParameterCountIsTableOnesSixPointEightMillion()
    {
        var network = GoogLeNet.Create([3, 224, 224], 1000);
        Assert.AreEqual(6_998_552L, network.Summary().TrainableParameters);
        // Table 1 counts weights without biases in units of 1024 (its 1024x1000 linear layer is "1000K"); total "6.8M".
        long weights = network.Parameters.Where(p => p.Role == ParameterRole.Weight).Sum(p => (long)p.Shape.ElementCount);
        Assert.AreEqual(6_990_272L, weights);
        Assert.AreEqual(6.8, Math.Round(weights / 1024.0 / 1000.0, 1));
    }

    [TestMethod]
    [DataRow(GoogLeNetVariant.Paper)]
    [DataRow(GoogLeNetVariant.Torchvision)]
    public void Create_ImageNetSize_TableOneShapes(GoogLeNetVariant variant)
    {
        var network = GoogLeNet.Create([3, 224, 224], 1000, Options(variant));
        Assert.AreEqual(new Shape(Shape.Batch, 64, 56, 56), OutputOf(network, "maxpool1"));
        Assert.AreEqual(new Shape(Shape.Batch, 192, 28, 28), OutputOf(network, "maxpool2"));
        Assert.AreEqual(new Shape(Shape.Batch, 256, 28, 28), OutputOf(network, "inception3a.concat"));
        Assert.AreEqual(new Shape(Shape.Batch, 480, 14, 14), OutputOf(network, "maxpool3"));
        Assert.AreEqual(new Shape(Shape.Batch, 832, 14, 14), OutputOf(network, "inception4e.concat"));
        Assert.AreEqual(new Shape(Shape.Batch, 832, 7, 7), OutputOf(network, "maxpool4"));
        Assert.AreEqual(new Shape(Shape.Batch, 1024, 7, 7), OutputOf(network, "inception5b.concat"));
        Assert.AreEqual(9, network.Layers.OfType<Concat>().Count());
        Assert.AreEqual(new Shape(1000), network.OutputShape);
    }

    [TestMethod]
    public void Create_Variants_DifferAsDocumented()
    {
        var paper = GoogLeNet.Create([3, 224, 224], 1000, GoogLeNetOptions.Paper);
        var torchvision = GoogLeNet.Create([3, 224, 224], 1000, GoogLeNetOptions.Torchvision);
        Assert.AreEqual((5, 5), ((Conv2D)paper.GetLayer("inception3a.branch3.1")).Kernel);
        Assert.AreEqual((3, 3), ((Conv2D)torchvision.GetLayer("inception3a.branch3.1.conv")).Kernel);
        Assert.IsTrue(((Conv2D)paper.GetLayer("conv1")).UseBias);
        Assert.AreEqual(Activation.Relu, ((Conv2D)paper.GetLayer("conv1")).Activation);
        Assert.IsFalse(((Conv2D)torchvision.GetLayer("conv1.conv")).UseBias);
        Assert.AreEqual(0.001f, ((BatchNorm)torchvision.GetLayer("conv1.bn")).Epsilon);
        Assert.IsEmpty(paper.Layers.OfType<BatchNorm>());
        Assert.AreEqual(0.4f, ((Dropout)paper.GetLayer("dropout")).Rate);
        Assert.AreEqual(0.2f, ((Dropout)torchvision.GetLayer("dropout")).Rate);
        Assert.AreEqual((3, 3), ((MaxPool2D)paper.GetLayer("maxpool4")).Pool);
        Assert.AreEqual((2, 2), ((MaxPool2D)torchvision.GetLayer("maxpool4")).Pool);
        var lrn = (LocalResponseNorm)paper.GetLayer("lrn1");
        Assert.AreEqual((5, 1e-4f, 0.75f, 1f), (lrn.Size, lrn.Alpha, lrn.Beta, lrn.K));
        Assert.AreEqual(new Shape(Shape.Batch, 192, 56, 56), OutputOf(paper, "lrn2"));
        Assert.IsEmpty(torchvision.Layers.OfType<LocalResponseNorm>());
    }

    [TestMethod]
    public void Create_PaperWithoutLocalResponseNorm_SameParametersNoLrnLayers()
    {
        var network = GoogLeNet.Create([3, 224, 224], 1000, GoogLeNetOptions.Paper with { UseLocalResponseNorm = false });
        Assert.IsEmpty(network.Layers.OfType<LocalResponseNorm>());
        Assert.AreEqual(6_998_552L, network.Summary().TrainableParameters);
    }

    [TestMethod]
    [DataRow(GoogLeNetVariant.Torchvision, 15, "maxpool3")] // torchvision 0.14.1 also fails below 15x15, at maxpool3
    [DataRow(GoogLeNetVariant.Paper, 31, "maxpool4")]
    public void Create_SmallestInput_WorksAndOneLessThrowsNamingThePool(GoogLeNetVariant variant, int smallest, string failingLayer)
    {
        Assert.AreEqual(new Shape(10), GoogLeNet.Create([3, smallest, smallest], 10, Options(variant)).OutputShape);
        var error = Assert.ThrowsExactly<ShapeInferenceException>(() => GoogLeNet.Create([3, smallest - 1, smallest - 1], 10, Options(variant)));
        Assert.AreEqual(failingLayer, error.LayerName);
    }

    [TestMethod]
    public void Create_BadOptions_Throw()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GoogLeNet.Create([3, 64, 64], 10, new GoogLeNetOptions((GoogLeNetVariant)7, 0.4f, false)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GoogLeNet.Create([3, 64, 64], 10, GoogLeNetOptions.Paper with { DropoutRate = 1f }));
    }

    private static GoogLeNetOptions Options(GoogLeNetVariant variant) =>
        variant == GoogLeNetVariant.Paper ? GoogLeNetOptions.Paper : GoogLeNetOptions.Torchvision;

    private static Shape OutputOf(Network network, string layer) => network.Applications.Single(a => a.Layer?.Name == layer).Shape;
}
