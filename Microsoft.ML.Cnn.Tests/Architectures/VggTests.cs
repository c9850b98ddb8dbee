using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class VggTests
{
    [TestMethod]
    [DataRow(VggDepth.Vgg11, false, "vgg11")]
    [DataRow(VggDepth.Vgg13, false, "vgg13")]
    [DataRow(VggDepth.Vgg16, false, "vgg16")]
    [DataRow(VggDepth.Vgg19, false, "vgg19")]
    [DataRow(VggDepth.Vgg11, true, "vgg11_bn")]
    [DataRow(VggDepth.Vgg13, true, "vgg13_bn")]
    [DataRow(VggDepth.Vgg16, true, "vgg16_bn")]
    [DataRow(VggDepth.Vgg19, true, "vgg19_bn")]
    public void Create_EveryConfiguration_StateDictKeysShapesAndCountMatchTorchvision(VggDepth depth, bool batchNorm, string torchvisionName)
    {
        var network = Vgg.Create([3, 224, 224], 1000, new VggOptions { Depth = depth, BatchNorm = batchNorm });
        CollectionAssert.AreEqual(TorchvisionReference.MappedStateDict(torchvisionName).ToArray(), TorchvisionReference.Entries(network).ToArray());
        Assert.AreEqual(TorchvisionReference.ParameterCount(torchvisionName, 1000), PresetChecks.TrainableCount(network));
        var lastPool = network.Layers.OfType<MaxPool2D>().Last();
        Assert.AreEqual(new Shape(512, 7, 7), PresetChecks.OutputOf(network, lastPool.Name));
        Assert.AreEqual(5, network.Layers.OfType<MaxPool2D>().Count());
    }

    [TestMethod]
    public void Create_Vgg16_TorchvisionModuleIndices()
    {
        var network = Vgg.Create([3, 224, 224], 10);
        Assert.IsInstanceOfType<ReLU>(network.GetLayer("features.1"));
        Assert.IsInstanceOfType<MaxPool2D>(network.GetLayer("features.4"));
        Assert.IsInstanceOfType<MaxPool2D>(network.GetLayer("features.30"));
        Assert.IsInstanceOfType<Dropout>(network.GetLayer("classifier.2"));
        Assert.IsInstanceOfType<Dropout>(network.GetLayer("classifier.5"));
        Assert.AreEqual(0.5f, ((Dropout)network.GetLayer("classifier.5")).Rate);
    }

    [TestMethod]
    public void Create_InputGivingAnotherMap_ThrowsNamingLayerShapesAndSizes()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => Vgg.Create([3, 256, 256], 1000, new VggOptions { Depth = VggDepth.Vgg11 }));
        StringAssert.Contains(error.Message, "VGG-11's classifier needs features.20 (MaxPool2D) to give 512x7x7; a 3x256x256 input gives 512x8x8.");
        StringAssert.Contains(error.Message, "Use 224x224 inputs");
        StringAssert.Contains(error.Message, "Heights and widths from 224 to 255 give 7x7 here.");
    }

    [TestMethod]
    public void Create_TooSmallInput_ShapeErrorNamesTheLayer()
    {
        var error = Assert.ThrowsExactly<ShapeInferenceException>(() => Vgg.Create([1, 16, 16], 10, new VggOptions { Depth = VggDepth.Vgg19, BatchNorm = true }));
        Assert.AreEqual("features.52", error.LayerName);
    }

    [TestMethod]
    public void Create_UnknownDepth_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Vgg.Create([3, 224, 224], 10, new VggOptions { Depth = (VggDepth)12 }));
    }

    [TestMethod]
    public void Predict_FullSizeVgg11_GivesSaneLogits()
    {
        PresetChecks.ForwardPassIsSane(Vgg.Create([3, 224, 224], 1000, new VggOptions { Depth = VggDepth.Vgg11 }, seed: 3), count: 1);
    }
}
