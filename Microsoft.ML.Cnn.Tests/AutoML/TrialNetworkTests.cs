// The searched network: VGG-style blocks with optional batch norm, pooling that stops at one pixel, named layers
// (so promoted trials reload their weights by name), and a clear error for features that are not images.
using Microsoft.ML.Cnn.AutoML;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class TrialNetworkTests
{
    [TestMethod]
    public void Build_BatchNormTwoConvsPerBlock_NamesEveryLayerAndEndsInTheOutputs()
    {
        var settings = new CnnTrialSettings { ConvBlocks = 1, Filters = 4, ConvLayersPerBlock = 2, BatchNorm = true, Dropout = 0.3f, DenseUnits = 8 };

        var network = TrialNetwork.Build(settings, new Shape(3, 16, 16), 5, seed: 1);

        CollectionAssert.AreEqual(
            new[] { "block1_conv1", "block1_bn1", "block1_relu1", "block1_conv2", "block1_bn2", "block1_relu2", "block1_pool", "flatten", "dense", "dropout", "output" },
            network.Layers.Select(l => l.Name).ToArray());
        Assert.AreEqual(new Shape(5), network.OutputShape);
        Assert.IsFalse(network.Parameters.Any(p => p.Name == "block1_conv1.bias"), "batch norm makes the convolution's bias redundant");
    }

    [TestMethod]
    public void Build_MoreBlocksThanTheImageCanPool_StopsPoolingAtOnePixel()
    {
        var settings = new CnnTrialSettings { ConvBlocks = 4, Filters = 2, KernelSize = 5 };

        var network = TrialNetwork.Build(settings, new Shape(1, 4, 4), 2, seed: 1);

        Assert.AreEqual(2, network.Layers.Count(l => l is MaxPool2D));
        Assert.AreEqual(new Shape(2), network.OutputShape);
    }

    [TestMethod]
    public void Build_SameSettingsAndSeed_SameWeights()
    {
        var settings = new CnnTrialSettings();
        var a = TrialNetwork.Build(settings, new Shape(1, 8, 8), 3, seed: 9);
        var b = TrialNetwork.Build(settings, new Shape(1, 8, 8), 3, seed: 9);

        for (int i = 0; i < a.Parameters.Count; i++) CollectionAssert.AreEqual(a.Parameters[i].Data, b.Parameters[i].Data);
    }

    [TestMethod]
    public void Build_FlatFeatures_AsksForImageDimensions()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => TrialNetwork.Build(new CnnTrialSettings(), new Shape(64), 3, seed: 1));

        StringAssert.Contains(error.Message, "(C, H, W)");
    }
}
