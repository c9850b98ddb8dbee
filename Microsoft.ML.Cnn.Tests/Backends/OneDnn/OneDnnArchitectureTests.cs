// Every ready-made architecture trained for two steps on oneDNN and on the managed backend: same weights after.
// This covers what the single-op tables cannot: layouts chosen by one primitive and read by the next, fused
// activations, grouped and 1x1 convolutions, residual adds, batch norm and global pooling inside real networks.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Backends.OneDnn;

[TestClass]
public sealed class OneDnnArchitectureTests
{
    // The small presets take 28x28 inputs; the full-size ones are checked below.
    public static IEnumerable<object[]> Presets => Enum.GetValues<ArchitecturePreset>().Where(p => p <= ArchitecturePreset.SmallMobileNet).Select(p => new object[] { p });

    [TestMethod]
    [DynamicData(nameof(Presets))]
    public void Fit_TwoStepsOnBothBackends_GivesTheSameWeights(ArchitecturePreset preset) =>
        AssertSameWeightsAfterTraining(() => ArchitectureCatalog.Create(preset, [1, 28, 28], 10, seed: 3), preset.ToString());

    [TestMethod]
    public void Fit_ConcatOfChannelCountsOffTheSimdBlock_GivesTheSameWeights()
    {
        // 4 + 12 channels: oneDNN pads blocked layouts to 16 channels, so concat must place the second branch correctly.
        static Cnn.Layers.Network Build()
        {
            var input = Cnn.Layers.SymbolicTensor.Input(new Shape(1, 28, 28));
            var narrow = new Cnn.Layers.Conv2D(4, 3, activation: Cnn.Layers.Activation.Relu).Call(input);
            var wide = new Cnn.Layers.Conv2D(12, 3, activation: Cnn.Layers.Activation.Relu).Call(input);
            var joined = new Cnn.Layers.Concat().Call(narrow, wide);
            var mixed = new Cnn.Layers.Conv2D(8, 3, activation: Cnn.Layers.Activation.Relu).Call(joined);
            var pooled = new Cnn.Layers.GlobalAveragePool2D().Call(mixed);
            return new Cnn.Layers.Network(input, new Cnn.Layers.Dense(10).Call(pooled), seed: 4);
        }

        AssertSameWeightsAfterTraining(Build, "concat network");
    }

    private static void AssertSameWeightsAfterTraining(Func<Cnn.Layers.Network> create, string what)
    {
        if (!Cnn.Backends.OneDnn.Native.DnnlLibrary.Availability.IsAvailable) Assert.Inconclusive(Cnn.Backends.OneDnn.Native.DnnlLibrary.Availability.Description);
        var data = RandomImages(count: 16, seed: 5);

        float[][] Train(BackendKind kind)
        {
            var network = create();
            using var trainer = new Trainer(network, new TrainerOptions
            {
                Optimizer = new Sgd(0.05f), Epochs = 1, BatchSize = 8, Seed = 1, BackendKind = kind, Threads = 2,
            });
            trainer.Fit(data);
            return network.Parameters.Select(p => p.Data.ToArray()).ToArray();
        }

        var managed = Train(BackendKind.Managed);
        var oneDnn = Train(BackendKind.OneDnn);

        for (int p = 0; p < managed.Length; p++)
        {
            double scale = managed[p].Max(v => Math.Abs((double)v));
            for (int i = 0; i < managed[p].Length; i++)
                Assert.AreEqual(managed[p][i], oneDnn[p][i], 1e-4 * (1 + scale), $"{what}: parameter {p} element {i}");
        }
    }

    private static InMemoryDataset RandomImages(int count, int seed)
    {
        var random = new SeededRandom(seed);
        var images = new float[count * 784];
        for (int i = 0; i < images.Length; i++) images[i] = random.NextUniform(0f, 1f);
        var labels = new float[count];
        for (int i = 0; i < count; i++) labels[i] = random.NextInt(10);
        return new InMemoryDataset(images, new Shape(1, 28, 28), labels);
    }
}
