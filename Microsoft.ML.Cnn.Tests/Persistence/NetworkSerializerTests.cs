using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Persistence;

namespace Microsoft.ML.Cnn.Tests.Persistence;

[TestClass]
public sealed class NetworkSerializerTests
{
    // The small presets take 28x28 inputs; the full-size ones have their own test below.
    public static IEnumerable<object[]> Presets => Enum.GetValues<ArchitecturePreset>().Where(p => p <= ArchitecturePreset.SmallMobileNet).Select(p => new object[] { p });

    [TestMethod]
    [DynamicData(nameof(Presets))]
    public void SaveLoad_EveryArchitecture_WeightsAndSummaryIdentical(ArchitecturePreset preset)
    {
        var network = ArchitectureCatalog.Create(preset, [1, 28, 28], 10, seed: 11);
        AssertRoundTrips(network);
    }

    [TestMethod]
    [DataRow(ArchitecturePreset.GoogLeNet)]
    [DataRow(ArchitecturePreset.ResNet18)]
    [DataRow(ArchitecturePreset.DenseNet121)]
    public void SaveLoad_FullSizeBranchingPreset_WeightsAndSummaryIdentical(ArchitecturePreset preset)
    {
        AssertRoundTrips(ArchitectureCatalog.Create(preset, [3, 32, 32], 10, seed: 11));
    }

    [TestMethod]
    public void SaveLoad_EveryLayerKind_ConfigWiringAndWeightsIdentical()
    {
        var network = EveryLayerKind();
        var kinds = network.Layers.Select(l => l.GetType()).Distinct().Count();
        Assert.AreEqual(Enum.GetValues<LayerKind>().Length, kinds, "the test network uses every persisted layer type");
        var loaded = AssertRoundTrips(network);
        Assert.IsFalse(loaded.GetLayer("frozen_bn").Trainable);
        Assert.AreEqual(0.25f, loaded.GetLayer("slow").LearningRateMultiplier);
        Assert.IsTrue(loaded.GetLayer("slow").Parameters.All(p => p.LearningRateMultiplier == 0.25f));
        Assert.AreEqual(5L, ((Dropout)loaded.GetLayer("drop")).Seed);
        Assert.IsNull(((Dropout)loaded.GetLayer("drop_unseeded")).Seed);
        Assert.AreEqual(Padding.Explicit(1, 1, 2, 0), ((Conv2D)loaded.GetLayer("slow")).Padding);
        Assert.IsTrue(((MaxPool2D)loaded.GetLayer("ceil_pool")).CeilMode);
        var lrn = (LocalResponseNorm)loaded.GetLayer("lrn");
        Assert.AreEqual((4, 2e-3f, 0.5f, 1.5f), (lrn.Size, lrn.Alpha, lrn.Beta, lrn.K));
        var l2 = (L2Pool2D)loaded.GetLayer("l2pool");
        Assert.AreEqual(((3, 3), (1, 1), Padding.Explicit(1, 1, 0, 2)), (l2.Pool, l2.Stride, l2.Padding));
        Assert.IsFalse(((MaxPool2D)loaded.GetLayer("maxpool2d_1")).CeilMode);
    }

    [TestMethod]
    public void SaveLoad_SpecialFloatValues_BitIdentical()
    {
        var network = Network.Sequential([2], [new Dense(3)]);
        float[] specials = [float.NaN, -0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -1.5f];
        specials.CopyTo(network.Parameters[0].Data, 0);
        AssertRoundTrips(network);
    }

    [TestMethod]
    public void SaveLoad_Path_RoundTrips()
    {
        var network = SeedCnn.Create([1, 28, 28], 10, seed: 3);
        string path = Path.Combine(Path.GetTempPath(), $"mlcnn-{Guid.NewGuid():N}.model");
        try
        {
            NetworkSerializer.Save(network, path);
            var loaded = NetworkSerializer.Load(path);
            CollectionAssert.AreEqual(network.Parameters[^1].Data, loaded.Parameters[^1].Data);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Load_StreamWithTrailingData_StopsAfterChecksum()
    {
        var stream = new MemoryStream();
        NetworkSerializer.Save(Network.Sequential([2], [new Dense(1)]), stream);
        long end = stream.Length;
        stream.WriteByte(42);
        stream.Position = 0;
        NetworkSerializer.Load(stream);
        Assert.AreEqual(end, stream.Position);
    }

    [TestMethod]
    public void Save_UnknownLayerType_NotSupported()
    {
        var network = Network.Sequential([2], [new Passthrough()]);
        var e = Assert.ThrowsExactly<NotSupportedException>(() => NetworkSerializer.Save(network, new MemoryStream()));
        StringAssert.Contains(e.Message, "Passthrough");
    }

    [TestMethod]
    public void SaveLoad_FullSizePresetWithDottedNames_Identical()
    {
        AssertRoundTrips(ArchitectureCatalog.Create(ArchitecturePreset.MobileNetV1, [3, 32, 32], 10, seed: 11));
    }

    private static Network AssertRoundTrips(Network network)
    {
        byte[] bytes = Save(network);
        var loaded = NetworkSerializer.Load(new MemoryStream(bytes));
        Assert.AreEqual(network.Summary().ToString(), loaded.Summary().ToString());
        Assert.HasCount(network.Parameters.Count, loaded.Parameters);
        for (int i = 0; i < network.Parameters.Count; i++)
        {
            Parameter expected = network.Parameters[i], actual = loaded.Parameters[i];
            Assert.AreEqual(expected.Name, actual.Name);
            Assert.AreEqual(expected.Role, actual.Role);
            Assert.AreEqual(expected.Shape, actual.Shape);
            Assert.AreEqual(expected.RequiresGradient, actual.RequiresGradient, expected.Name);
            CollectionAssert.AreEqual(expected.Data.Select(BitConverter.SingleToInt32Bits).ToArray(), actual.Data.Select(BitConverter.SingleToInt32Bits).ToArray(), expected.Name);
        }
        CollectionAssert.AreEqual(bytes, Save(loaded), "saving the loaded network reproduces the file (configs and wiring included)");
        return loaded;
    }

    private static byte[] Save(Network network)
    {
        var stream = new MemoryStream();
        NetworkSerializer.Save(network, stream);
        return stream.ToArray();
    }

    /// <summary>A functional network that uses every persisted layer type with non-default options.</summary>
    private static Network EveryLayerKind()
    {
        var input = Network.Input(3, 8, 8);
        var x = new Conv2D(4, (3, 3), (1, 1), Padding.Explicit(1, 1, 2, 0), (1, 1), 1, true, Activation.Relu, "slow") { LearningRateMultiplier = 0.25f }.Call(input);
        x = new DepthwiseConv2D(3, padding: Padding.Same, depthMultiplier: 2, activation: Activation.Elu).Call(x);
        x = new BatchNorm(0.2f, 1e-3f, "frozen_bn") { Trainable = false }.Call(x);
        x = new LeakyReLU(0.2f).Call(x);
        var e = new ELU(0.5f).Call(x);
        var s = new Sigmoid().Call(x);
        var sum = new Add().Call(x, e, s);
        var joined = new Concat().Call(sum, new Tanh().Call(x));
        x = new MaxPool2D(2, 1, Padding.Same).Call(joined);
        x = new MaxPool2D(3, 1, Padding.Explicit(1), ceilMode: true, name: "ceil_pool").Call(x);
        x = new LocalResponseNorm(4, 2e-3f, 0.5f, 1.5f, "lrn").Call(x);
        x = new L2Pool2D((3, 3), (1, 1), Padding.Explicit(1, 1, 0, 2), "l2pool").Call(x);
        x = new AvgPool2D((2, 2), null, Padding.Valid, countIncludesPadding: false).Call(x);
        var grouped = new Conv2D(8, (1, 3), null, Padding.Same, (1, 2), groups: 2, useBias: false, activation: Activation.Sigmoid).Call(x);
        var pooled = new GlobalAveragePool2D().Call(grouped);
        var flat = new Flatten().Call(new Reshape([4, 64], null).Call(new Flatten().Call(x)));
        var dense = new Dense(8, Activation.Tanh).Call(flat);
        x = new Add().Call(pooled, dense);
        x = new Dropout(0.3f, 5, "drop").Call(x);
        x = new Dropout(0.1f, name: "drop_unseeded").Call(x);
        x = new ReLU().Call(x);
        x = new Dense(3, Activation.LeakyRelu, useBias: false).Call(x);
        x = new Softmax().Call(x);
        var network = new Network(input, x, seed: 9);
        var random = new SeededRandom(17);
        foreach (var p in network.Parameters)
            for (int i = 0; i < p.Data.Length; i++) p.Data[i] = random.NextGaussian();
        return network;
    }

    private sealed class Passthrough() : Layer(null)
    {
        public override string TypeName => "Passthrough";

        protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) => inputs[0];
    }
}
