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
    public static IEnumerable<object[]> Presets => Enum.GetValues<ArchitecturePreset>().Select(p => new object[] { p });

    [TestMethod]
    [DynamicData(nameof(Presets))]
    public void Fit_TwoStepsOnBothBackends_GivesTheSameWeights(ArchitecturePreset preset)
    {
        if (!Cnn.Backends.OneDnn.Native.DnnlLibrary.Availability.IsAvailable) Assert.Inconclusive(Cnn.Backends.OneDnn.Native.DnnlLibrary.Availability.Description);
        var data = RandomImages(count: 16, seed: 5);

        float[][] Train(BackendKind kind)
        {
            var network = ArchitectureCatalog.Create(preset, [1, 28, 28], 10, seed: 3);
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
                Assert.AreEqual(managed[p][i], oneDnn[p][i], 1e-4 * (1 + scale), $"{preset}: parameter {p} element {i}");
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
