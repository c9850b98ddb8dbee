using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class DenseNetTests
{
    [TestMethod]
    [DataRow("DenseNet121", 7_978_856L)] // torchvision 0.14.1: sum(p.numel() for p in densenet121().parameters())
    [DataRow("DenseNet169", 14_149_480L)]
    public void Create_ImageNetDepths_TorchvisionParameterCounts(string depth, long expected)
    {
        var options = depth == "DenseNet121" ? DenseNetOptions.DenseNet121 : DenseNetOptions.DenseNet169;
        Assert.AreEqual(expected, DenseNet.Create([3, 224, 224], 1000, options).Summary().TrainableParameters);
    }

    [TestMethod]
    public void Create_DenseNet121_EveryLayerAddsTheGrowthRateAndTransitionsHalve()
    {
        var network = DenseNet.Create([3, 224, 224], 1000);
        Assert.AreEqual(new Shape(Shape.Batch, 64, 56, 56), OutputOf(network, "features.pool0"));
        Assert.AreEqual(new Shape(Shape.Batch, 64 + 32, 56, 56), OutputOf(network, "features.denseblock1.denselayer1.concat"));
        Assert.AreEqual(new Shape(Shape.Batch, 256, 56, 56), OutputOf(network, "features.denseblock1.denselayer6.concat"));
        Assert.AreEqual(new Shape(Shape.Batch, 128, 28, 28), OutputOf(network, "features.transition1.pool"));
        Assert.AreEqual(new Shape(Shape.Batch, 128, 56, 56), OutputOf(network, "features.denseblock1.denselayer3.conv1"));
        Assert.AreEqual(new Shape(Shape.Batch, 1024, 7, 7), OutputOf(network, "features.norm5"));
        Assert.AreEqual(58, network.Layers.OfType<Concat>().Count());
        Assert.AreEqual(new Shape(1000), network.OutputShape);
    }

    [TestMethod]
    public void Create_GeneralForm_GrowthBlocksBottleneckAndCompressionAsGiven()
    {
        var network = DenseNet.Create([3, 64, 64], 10, new DenseNetOptions(12, [2, 3], 24, BottleneckSize: 2, Compression: 0.75f));
        Assert.AreEqual(new Shape(Shape.Batch, 24, 16, 16), OutputOf(network, "features.denseblock1.denselayer1.conv1"));
        Assert.AreEqual(new Shape(Shape.Batch, 36, 8, 8), OutputOf(network, "features.transition1.pool")); // floor(0.75 * (24 + 2*12))
        Assert.AreEqual(new Shape(Shape.Batch, 72, 8, 8), OutputOf(network, "features.norm5"));
    }

    [TestMethod]
    public void Create_InputTooSmallForTheLastTransition_ThrowsNamingTheLayer()
    {
        // 28 -> conv0 14 -> pool0 7 -> transition pools 3, 1, then 0: torchvision fails the same way below 29.
        var error = Assert.ThrowsExactly<ShapeInferenceException>(() => DenseNet.Create([3, 28, 28], 10));
        Assert.AreEqual("features.transition3.pool", error.LayerName);
        Assert.AreEqual(new Shape(Shape.Batch, 512, 1, 1), error.InputShapes[0]);
        Assert.AreEqual(new Shape(Shape.Batch, 1024, 1, 1), OutputOf(DenseNet.Create([3, 29, 29], 10), "features.norm5"));
    }

    [TestMethod]
    public void Create_BadOptions_ThrowNamingTheProblem()
    {
        Assert.ThrowsExactly<ArgumentException>(() => DenseNet.Create([3, 64, 64], 10, new DenseNetOptions(32, [], 64)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DenseNet.Create([3, 64, 64], 10, new DenseNetOptions(0, [6], 64)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DenseNet.Create([3, 64, 64], 10, DenseNetOptions.DenseNet121 with { Compression = 0f }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DenseNet.Create([3, 64, 64], 10, DenseNetOptions.DenseNet121 with { BottleneckSize = -1 }));
    }

    private static Shape OutputOf(Network network, string layer) => network.Applications.Single(a => a.Layer?.Name == layer).Shape;
}
