// The core check: full-size presets compute torchvision's logits. Weights and input come from the
// name-seeded generator (TestSupport/ReferenceWeights.cs), the expected logits from tools/torchvision_reference.py.
using System.Diagnostics;
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Training;
using Microsoft.ML.Cnn.Transfer;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class TorchvisionEquivalenceTests
{
    private const double RelativeTolerance = 1e-3; // of the logit scale, max |torchvision logit|
    private const double InputEffectTolerance = 1e-2; // of the largest difference between the two images' logits

    public TestContext TestContext { get; set; } = null!;

    /// <summary>Our preset for each fixture, built as torchvision builds the model the fixture names.</summary>
    internal static Network Build(string fixture, int[] inputShape) => fixture switch
    {
        "resnet18" => ResNet.Create(inputShape, 1000, ResNetOptions.ResNet18),
        "googlenet" => GoogLeNet.Create(inputShape, 1000, GoogLeNetOptions.Torchvision),
        "densenet121" => DenseNet.Create(inputShape, 1000, DenseNetOptions.DenseNet121),
        "alexnet" => AlexNet.Create(inputShape, 1000, AlexNetOptions.Torchvision),
        "vgg11" => Vgg.Create(inputShape, 1000, new VggOptions { Depth = VggDepth.Vgg11 }),
        _ => throw new ArgumentException($"No preset is registered for fixture '{fixture}'.", nameof(fixture)),
    };

    [TestMethod]
    [DataRow("resnet18", BackendKind.Auto)]
    [DataRow("resnet18", BackendKind.Managed)]
    [DataRow("googlenet", BackendKind.Auto)]
    [DataRow("densenet121", BackendKind.Auto)]
    [DataRow("alexnet", BackendKind.Auto)]
    [DataRow("vgg11", BackendKind.Auto)]
    public void Predict_ReferenceWeights_LogitsMatchTorchvision(string fixtureName, BackendKind backend)
    {
        var clock = Stopwatch.StartNew();
        var fixture = TorchvisionFixture.Load(fixtureName);
        var network = Build(fixtureName, fixture.InputShape.SampleShape.ToArray());
        var report = ReferenceWeights.Import(fixture, network);
        AssertComplete(report);
        var input = fixture.GenerateInput();
        var prepared = clock.Elapsed;

        int batch = fixture.InputShape[0];
        using var predictor = new Predictor(network, backend, threads: 2, maxBatchSize: batch);
        var logits = predictor.Predict(input, batch);

        double maxDifference = 0;
        int classes = fixture.Logits[0].Length;
        for (int n = 0; n < batch; n++)
        {
            for (int k = 0; k < classes; k++)
                maxDifference = Math.Max(maxDifference, Math.Abs(logits[n * classes + k] - fixture.Logits[n][k]));
        }
        TestContext.WriteLine($"{fixtureName} on {backend}: max |ours - torchvision| = {maxDifference:G3} (logit scale {fixture.LogitScale:G4}, " +
            $"ratio {maxDifference / fixture.LogitScale:G3}); build + weights {prepared.TotalSeconds:F2} s, forward of {batch} {clock.Elapsed.TotalSeconds - prepared.TotalSeconds:F2} s");
        Assert.IsLessThanOrEqualTo(RelativeTolerance * fixture.LogitScale, maxDifference, $"{fixtureName} on {backend}");

        // Random weights make the logits of different images close, so also check what the input changed: the
        // difference between the two images' logits must be torchvision's, not merely small against the logit scale.
        double gap = 0, gapError = 0;
        for (int k = 0; k < classes; k++)
        {
            double expected = fixture.Logits[1][k] - fixture.Logits[0][k], actual = logits[classes + k] - logits[k];
            gap = Math.Max(gap, Math.Abs(expected));
            gapError = Math.Max(gapError, Math.Abs(actual - expected));
        }
        TestContext.WriteLine($"between the two images: max |torchvision gap| = {gap:G3}, max error of ours = {gapError:G3}");
        Assert.IsLessThanOrEqualTo(InputEffectTolerance * gap, gapError, $"{fixtureName} on {backend}: the input's effect on the logits");
    }

    [TestMethod]
    [DataRow("resnet18")]
    [DataRow("googlenet")]
    [DataRow("densenet121")]
    [DataRow("alexnet")]
    [DataRow("vgg11")]
    public void Parameters_ConvertedNames_AreTorchvisionStateDictKeysInOrder(string fixtureName)
    {
        var fixture = TorchvisionFixture.Load(fixtureName);
        var network = Build(fixtureName, fixture.InputShape.SampleShape.ToArray());
        CollectionAssert.AreEqual(fixture.Tensors.Select(t => t.Name).ToArray(), network.Parameters.Select(p => TorchParameterNames.ToTorch(p.Name)).ToArray());
        CollectionAssert.AreEqual(fixture.Tensors.Select(t => t.Shape).ToArray(), network.Parameters.Select(p => p.Shape).ToArray());
        Assert.AreEqual(fixture.ParameterCount, network.Summary().TrainableParameters);
    }

    [TestMethod]
    public void Generate_Input_BitIdenticalToThePythonTool()
    {
        var fixture = TorchvisionFixture.Load("resnet18");
        var input = ReferenceWeights.Generate("input", 8, 0f, 1f, fixture.Seed);
        // Printed by tools/torchvision_reference.py: "input[:4] [0.148168802, -0.380708456, 0.188315868, 0.705254197]".
        CollectionAssert.AreEqual(new[] { 0.148168802f, -0.380708456f, 0.188315868f, 0.705254197f }, input[..4]);
        CollectionAssert.AreEqual(fixture.InputFirstValues, input);
    }

    [TestMethod]
    [DataRow("resnet18")]
    [DataRow("googlenet")]
    [DataRow("densenet121")]
    [DataRow("alexnet")]
    [DataRow("vgg11")]
    public void Generate_EveryTensor_FirstValueBitIdenticalToThePythonTool(string fixtureName)
    {
        var fixture = TorchvisionFixture.Load(fixtureName);
        foreach (var tensor in fixture.Tensors)
            Assert.AreEqual(tensor.FirstValue, ReferenceWeights.Generate(tensor.Name, 1, tensor.Offset, tensor.Scale, fixture.Seed)[0], tensor.Name);
    }

    [TestMethod]
    public void Import_FixtureLacksATensorOrClassesDiffer_ReportsMissingAndWrongShape()
    {
        var fixture = TorchvisionFixture.Load("resnet18");
        var network = ResNet.Create([3, 224, 224], 1000, ResNetOptions.ResNet18);
        var trimmed = fixture with { Tensors = fixture.Tensors.Where(t => t.Name != "fc.bias").ToArray() };
        var report = ReferenceWeights.Import(trimmed, network);
        CollectionAssert.AreEqual(new[] { "fc.bias" }, report.Missing.ToArray());
        var tenClasses = ReferenceWeights.Import(fixture, ResNet.Create([3, 224, 224], 10, ResNetOptions.ResNet18));
        CollectionAssert.AreEqual(new[] { "fc.weight", "fc.bias" }, tenClasses.WrongShape.Select(m => m.Name).ToArray());
    }

    private static void AssertComplete(WeightTransferReport report)
    {
        Assert.IsEmpty(report.Missing, report.ToString());
        Assert.IsEmpty(report.WrongShape, report.ToString());
        Assert.IsEmpty(report.Unused, report.ToString());
    }
}
