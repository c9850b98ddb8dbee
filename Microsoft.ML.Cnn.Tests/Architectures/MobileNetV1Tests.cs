using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class MobileNetV1Tests
{
    [TestMethod]
    [DataRow(1f, 4_231_976L, 4.2)]
    [DataRow(0.75f, 2_585_560L, 2.6)]
    [DataRow(0.5f, 1_331_592L, 1.3)]
    [DataRow(0.25f, 470_072L, 0.5)]
    public void Create_WidthMultiplier_ParameterCountRoundsToThePapers(float alpha, long exact, double paperMillions)
    {
        var network = MobileNetV1.Create([3, 224, 224], 1000, new MobileNetV1Options { WidthMultiplier = alpha });
        long trainable = PresetChecks.TrainableCount(network);
        Assert.AreEqual(exact, trainable);
        Assert.AreEqual(paperMillions, Math.Round(trainable / 1e6, 1, MidpointRounding.AwayFromZero));
        int lastWidth = (int)(1024 * alpha);
        Assert.AreEqual(new Shape(lastWidth, 7, 7), PresetChecks.OutputOf(network, "features.13.1.2"));
        // Batch-norm channels at alpha 1: the stem, then depthwise and pointwise of each block (10,944 in all).
        int[] batchNormChannels = [32, 32, 64, 64, 128, 128, 128, 128, 256, 256, 256, 256, 512, .. Enumerable.Repeat(512, 10), 512, 1024, 1024, 1024];
        Assert.AreEqual((long)(2 * batchNormChannels.Sum() * alpha), network.Summary().NonTrainableParameters, "running mean and variance are not trainable");
    }

    [TestMethod]
    public void Create_1000Classes_SameTrainableCountAsKeras()
    {
        // Keras's MobileNet(alpha=1.0, weights=None) summary: "Trainable params: 4,231,976", "Non-trainable params: 21,888".
        var summary = MobileNetV1.Create([3, 224, 224], 1000).Summary();
        Assert.AreEqual(4_231_976L, summary.TrainableParameters);
        Assert.AreEqual(21_888L, summary.NonTrainableParameters);
    }

    [TestMethod]
    public void Create_OddWidthMultiplier_TruncatesAsKeras()
    {
        var network = MobileNetV1.Create([3, 224, 224], 10, new MobileNetV1Options { WidthMultiplier = 0.6f });
        Assert.AreEqual(19, ((Conv2D)network.GetLayer("features.0.0")).Filters);
        Assert.AreEqual(614, ((Conv2D)network.GetLayer("features.13.1.0")).Filters);
    }

    [TestMethod]
    public void Create_224_StridesAndNames()
    {
        var network = MobileNetV1.Create([3, 224, 224], 10);
        Assert.AreEqual(new Shape(32, 112, 112), PresetChecks.OutputOf(network, "features.0.2"));
        Assert.AreEqual(new Shape(128, 56, 56), PresetChecks.OutputOf(network, "features.2.1.2"));
        Assert.AreEqual(new Shape(512, 14, 14), PresetChecks.OutputOf(network, "features.11.1.2"));
        Assert.AreEqual(new Shape(512, 7, 7), PresetChecks.OutputOf(network, "features.12.0.0"), "block 12 halves the size");
        Assert.AreEqual(new Shape(1024, 7, 7), PresetChecks.OutputOf(network, "features.13.0.0"), "the last block keeps 7x7 (stride 1)");
        Assert.AreEqual(new Shape(1024), PresetChecks.OutputOf(network, "avgpool"));
        var names = network.Parameters.Select(p => p.Name).ToArray();
        CollectionAssert.IsSubsetOf(
            new[] { "features.0.0.weight", "features.0.1.gamma", "features.1.0.0.weight", "features.1.1.0.weight", "features.13.1.1.running_variance", "classifier.weight", "classifier.bias" },
            names);
        Assert.IsFalse(network.Layers.OfType<ConvolutionLayer>().Any(c => c.UseBias), "batch norm follows every convolution");
    }

    [TestMethod]
    [DataRow(32, 1)]
    [DataRow(97, 4)]
    [DataRow(320, 10)]
    public void Create_AnySizeFrom32_EndsAtOneThirtySecond(int size, int mapSize)
    {
        var network = MobileNetV1.Create([1, size, size], 5, new MobileNetV1Options { WidthMultiplier = 0.25f });
        Assert.AreEqual(new Shape(256, mapSize, mapSize), PresetChecks.OutputOf(network, "features.13.1.2"));
        Assert.AreEqual(new Shape(5), network.OutputShape);
    }

    [TestMethod]
    [DataRow(31, 224)]
    [DataRow(224, 16)]
    public void Create_InputBelow32_ThrowsSayingTheMinimum(int height, int width)
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => MobileNetV1.Create([3, height, width], 10));
        StringAssert.Contains(error.Message, "at least 32x32");
    }

    [TestMethod]
    [DataRow(0f)]
    [DataRow(0.03f)]
    [DataRow(-1f)]
    [DataRow(float.NaN)]
    [DataRow(11f)]
    public void Create_BadWidthMultiplier_Throws(float alpha)
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => MobileNetV1.Create([3, 224, 224], 10, new MobileNetV1Options { WidthMultiplier = alpha }));
    }

    [TestMethod]
    public void Predict_FullSizeNetwork_GivesSaneLogits()
    {
        PresetChecks.ForwardPassIsSane(MobileNetV1.Create([3, 224, 224], 1000, seed: 3), count: 3);
    }
}
