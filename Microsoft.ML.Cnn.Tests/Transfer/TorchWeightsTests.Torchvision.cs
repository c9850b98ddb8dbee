// The whole path a user's torchvision weights take, with random weights: tools/export_safetensors.py writes a real
// torchvision ResNet-18, the preset imports it for another class count, only the new head is fine-tuned, and the
// tuned weights load strictly back into torchvision. Needs PyTorch and torchvision; inconclusive (and says so) without.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Transfer;

namespace Microsoft.ML.Cnn.Tests.Transfer;

public sealed partial class TorchWeightsTests
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    public TestContext TestContext { get; set; } = null!;

    /// <summary>A 3x32x32 image whose channel <see cref="Label"/> is brighter than the others, plus noise.</summary>
    public sealed class ColorRow
    {
        public string Label = "";
        [VectorType(3, 32, 32)] public float[] Features = [];
    }

    private static ColorRow[] ColorRows(int count, int seed)
    {
        var random = new SeededRandom(seed);
        string[] names = ["red", "green", "blue"];
        var rows = new ColorRow[count];
        for (int i = 0; i < count; i++)
        {
            var pixels = new float[3 * 32 * 32];
            for (int j = 0; j < pixels.Length; j++) pixels[j] = (j / 1024 == i % 3 ? 1f : 0f) + random.NextUniform(-0.5f, 0.5f);
            rows[i] = new ColorRow { Label = names[i % 3], Features = pixels };
        }
        return rows;
    }

    [TestMethod]
    public void Load_ExportScriptResNet18_ImportsEverythingButTheHeadAndFineTunesBackIntoTorchvision()
    {
        string folder = Directory.CreateTempSubdirectory("mlcnn-torchvision-").FullName;
        try
        {
            string exported = Path.Combine(folder, "resnet18-random.safetensors");
            RunExportScript("--model", "resnet18", "--random", "--seed", "0", "-o", exported);

            // ResNet takes any input size with the same weights; 32x32 keeps the test fast.
            var network = ResNet.Create([3, 32, 32], 3, ResNetOptions.ResNet18, seed: 4);
            var report = TorchWeights.Load(network, exported);
            TestContext.WriteLine(report.ToString());
            CollectionAssert.AreEqual(new[] { "fc.weight", "fc.bias" }, report.WrongShape.Select(m => m.Name).ToArray());
            Assert.HasCount(network.Parameters.Count - 2, report.Copied);
            Assert.IsEmpty(report.Missing);
            Assert.IsEmpty(report.Unused);
            Assert.HasCount(20, report.Skipped, "one num_batches_tracked per BatchNorm");

            var frozen = network.Parameters.Where(p => !p.Name.StartsWith("fc.", StringComparison.Ordinal)).ToDictionary(p => p.Name, p => p.Data.ToArray());
            var ml = new MLContext(seed: 1);
            var train = ml.Data.LoadFromEnumerable(ColorRows(120, seed: 1));
            var keys = ml.Transforms.Conversion.MapValueToKey("Label").Fit(train);
            var trainer = ml.MulticlassClassification.Trainers.Cnn(new CnnMulticlassTrainer.Options
            {
                Architecture = CnnArchitecture.FromNetwork(network),
                TrainableLayers = ["fc"],
                MaxEpoch = 6,
                BatchSize = 20,
                LearningRate = 1e-2f,
                NumberOfThreads = 2,
            });
            using var model = trainer.Fit(keys.Transform(train));

            foreach (var (name, values) in frozen)
                CollectionAssert.AreEqual(values, model.Network.Parameters.Single(p => p.Name == name).Data, $"{name} is frozen");
            var metrics = ml.MulticlassClassification.Evaluate(model.Transform(keys.Transform(ml.Data.LoadFromEnumerable(ColorRows(60, seed: 2)))));
            TestContext.WriteLine($"fine-tuned head on frozen random ResNet-18 features: accuracy {metrics.MicroAccuracy:P1}");
            Assert.IsGreaterThan(0.6, metrics.MicroAccuracy, "3 classes, chance 33%");

            string tuned = Path.Combine(folder, "resnet18-tuned.safetensors");
            TorchWeights.Save(model.Network, tuned);
            string verified = RunExportScript("--verify", tuned, "--model", "resnet18", "--num-classes", "3");
            StringAssert.Contains(verified, "load strictly");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs tools/export_safetensors.py; inconclusive when PyTorch or torchvision is missing (CI needs neither).</summary>
    private static string RunExportScript(params string[] arguments)
    {
        if (!File.Exists(Python) || RepositoryTools.Run(Python, ["-c", "import torch, torchvision"], ScriptTimeout).ExitCode != 0)
            Assert.Inconclusive($"This test runs tools/export_safetensors.py, which needs PyTorch and torchvision ({Python} with python3-torch and python3-torchvision: tools/setup.sh --with-torch); they are not installed, so it did not run.");
        var result = RepositoryTools.Run(Python, [RepositoryTools.PathOf("export_safetensors.py"), .. arguments], ScriptTimeout);
        Assert.AreEqual(0, result.ExitCode, $"export_safetensors.py {string.Join(' ', arguments)} failed{(result.TimedOut ? " (timed out)" : "")}:\n{result.Output}");
        return result.Output;
    }
}
