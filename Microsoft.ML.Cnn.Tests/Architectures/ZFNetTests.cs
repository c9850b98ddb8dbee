using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class ZFNetTests
{
    [TestMethod]
    public void Create_224_LayerShapesAsInThePapersFigure3()
    {
        var network = ZFNet.Create([3, 224, 224], 1000);
        Assert.AreEqual(new Shape(96, 110, 110), PresetChecks.OutputOf(network, "features.0"));
        Assert.AreEqual(new Shape(96, 55, 55), PresetChecks.OutputOf(network, "features.2"));
        Assert.AreEqual(new Shape(96, 55, 55), PresetChecks.OutputOf(network, "features.3"));
        Assert.AreEqual(new Shape(256, 26, 26), PresetChecks.OutputOf(network, "features.4"));
        Assert.AreEqual(new Shape(256, 13, 13), PresetChecks.OutputOf(network, "features.6"));
        Assert.AreEqual(new Shape(384, 13, 13), PresetChecks.OutputOf(network, "features.8"));
        Assert.AreEqual(new Shape(384, 13, 13), PresetChecks.OutputOf(network, "features.10"));
        Assert.AreEqual(new Shape(256, 13, 13), PresetChecks.OutputOf(network, "features.12"));
        Assert.AreEqual(new Shape(256, 6, 6), PresetChecks.OutputOf(network, "features.14"));
        Assert.AreEqual((7, 7), ((Conv2D)network.GetLayer("features.0")).Kernel);
        Assert.AreEqual((2, 2), ((Conv2D)network.GetLayer("features.0")).Stride);
        Assert.IsTrue(((MaxPool2D)network.GetLayer("features.2")).CeilMode);
        Assert.IsFalse(((MaxPool2D)network.GetLayer("features.14")).CeilMode);
        Assert.IsInstanceOfType<LocalResponseNorm>(network.GetLayer("features.7"));
    }

    [TestMethod]
    [DataRow(true, new[] { "features.0", "features.4", "features.8", "features.10", "features.12", "classifier.0", "classifier.3", "classifier.6" })]
    [DataRow(false, new[] { "features.0", "features.3", "features.6", "features.8", "features.10", "classifier.0", "classifier.3", "classifier.6" })]
    public void Create_1000Classes_ParameterCountFromTheLayerSizes(bool lrn, string[] layersWithParameters)
    {
        long expected =
            (96 * 3 * 7 * 7 + 96) + (256 * 96 * 5 * 5 + 256) + (384 * 256 * 9 + 384) + (384 * 384 * 9 + 384) + (256 * 384 * 9 + 256)
            + (9216L * 4096 + 4096) + (4096 * 4096 + 4096) + (4096 * 1000 + 1000);
        var network = ZFNet.Create([3, 224, 224], 1000, new ZFNetOptions { LocalResponseNorm = lrn });
        Assert.AreEqual(62_357_608L, expected);
        Assert.AreEqual(expected, PresetChecks.TrainableCount(network));
        CollectionAssert.AreEqual(layersWithParameters, network.Layers.Where(l => l.Parameters.Count > 0).Select(l => l.Name).ToArray());
        Assert.AreEqual(new Shape(256, 6, 6), PresetChecks.OutputOf(network, lrn ? "features.14" : "features.12"));
    }

    [TestMethod]
    public void Create_InputGivingAnotherMap_ThrowsNamingLayerShapesAndSizes()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => ZFNet.Create([3, 260, 260], 1000));
        StringAssert.Contains(error.Message, "ZFNet's classifier needs features.14 (MaxPool2D) to give 256x6x6; a 3x260x260 input gives 256x7x7.");
        StringAssert.Contains(error.Message, "Heights and widths from 223 to 254 give 6x6 here.");
    }

    [TestMethod]
    public void Create_TooSmallInput_ShapeErrorNamesTheLayer()
    {
        var error = Assert.ThrowsExactly<ShapeInferenceException>(() => ZFNet.Create([3, 16, 16], 10));
        Assert.AreEqual("features.4", error.LayerName);
    }

    [TestMethod]
    [DataRow(new[] { 0, 224, 224 }, 10)]
    [DataRow(new[] { 3, 224, 224 }, -1)]
    public void Create_BadArguments_Throw(int[] shape, int classes)
    {
        Assert.Throws<ArgumentException>(() => ZFNet.Create(shape, classes));
    }

    [TestMethod]
    public void Predict_FullSizeNetwork_GivesSaneLogits()
    {
        PresetChecks.ForwardPassIsSane(ZFNet.Create([3, 224, 224], 1000, seed: 3), count: 3);
    }
}
