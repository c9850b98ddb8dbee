using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Persistence.SafeTensors;
using Microsoft.ML.Cnn.Tests.Trainers;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;
using Microsoft.ML.Cnn.Transfer;

namespace Microsoft.ML.Cnn.Tests.Transfer;

[TestClass]
public sealed partial class TorchWeightsTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "TorchImport", name);

    /// <summary>The network of tools/make_torch_import_fixture.py, named as its PyTorch modules.</summary>
    private static Network SmallNet(int classes = 5, long seed = 3) => Network.Sequential([3, 8, 12],
    [
        new Conv2D(8, 3, padding: Padding.Explicit(1), useBias: false, name: "features.0"),
        new BatchNorm(name: "features.1"),
        new ReLU(name: "features.2"),
        new MaxPool2D(2, name: "features.3"),
        new DepthwiseConv2D(3, padding: Padding.Explicit(1), name: "features.4"),
        new BatchNorm(name: "features.5"),
        new ReLU(name: "features.6"),
        new Conv2D(12, 1, name: "features.7"),
        new ReLU(name: "features.8"),
        new MaxPool2D(2, name: "features.9"),
        new Flatten(name: "flatten"),
        new Dense(16, name: "classifier.0"),
        new ReLU(name: "classifier.1"),
        new Dense(classes, name: "classifier.2"),
    ], seed);

    [TestMethod]
    public void Load_PyTorchFixture_ReproducesPyTorchOutputs()
    {
        var network = SmallNet();

        var report = TorchWeights.Load(network, Fixture("small_net.safetensors"));

        Assert.IsTrue(report.AllParametersCopied, report.ToString());
        Assert.HasCount(network.Parameters.Count, report.Copied);
        Assert.IsEmpty(report.Unused);
        CollectionAssert.AreEqual(new[] { "features.1.num_batches_tracked", "features.5.num_batches_tracked" }, report.Skipped.Select(s => s.Name).ToArray());
        StringAssert.Contains(report.ToString(), "skipped:     features.1.num_batches_tracked (I64, not floating point)");
        using var io = SafeTensorsReader.Open(Fixture("small_net_io.safetensors"));
        float[] input = io.ReadSingles("input"), expected = io.ReadSingles("output");
        using var predictor = new Predictor(network);
        float[] actual = predictor.Predict(input, 2);
        float scale = expected.Max(MathF.Abs);
        for (int i = 0; i < expected.Length; i++)
            Assert.AreEqual(expected[i], actual[i], 1e-5f * scale, $"output {i}: PyTorch {expected[i]}, here {actual[i]}");
    }

    [TestMethod]
    public void Load_HeadForOtherClassCount_ReportsBothShapesAndKeepsTheFreshHead()
    {
        var network = SmallNet(classes: 3);
        var freshHead = network.GetLayer("classifier.2").Parameters.Select(p => p.Data.ToArray()).ToArray();

        var report = TorchWeights.Load(network, Fixture("small_net.safetensors"));

        CollectionAssert.AreEqual(new[] { "classifier.2.weight", "classifier.2.bias" }, report.WrongShape.Select(m => m.Name).ToArray());
        Assert.AreEqual(new Shape(5, 16), report.WrongShape[0].SourceShape);
        Assert.AreEqual(new Shape(3, 16), report.WrongShape[0].TargetShape);
        Assert.HasCount(network.Parameters.Count - 2, report.Copied);
        Assert.IsEmpty(report.Unused, "a tensor of the wrong shape is reported as such, not as unused");
        for (int i = 0; i < freshHead.Length; i++) CollectionAssert.AreEqual(freshHead[i], network.GetLayer("classifier.2").Parameters[i].Data);
        StringAssert.Contains(report.ToString(), "wrong shape: classifier.2.weight: source (5, 16), target (3, 16) (kept its initial values)");
    }

    [TestMethod]
    public void Load_StrictWithMismatch_ThrowsWithTheReportAndChangesNothing()
    {
        var network = SmallNet(classes: 3);
        var before = network.Parameters.Select(p => p.Data.ToArray()).ToArray();

        var e = Assert.ThrowsExactly<InvalidDataException>(() => TorchWeights.Load(network, Fixture("small_net.safetensors"), new TorchImportOptions { Strict = true }));

        StringAssert.Contains(e.Message, "wrong shape: classifier.2.weight: source (5, 16), target (3, 16)");
        StringAssert.Contains(e.Message, "nothing was copied");
        for (int i = 0; i < before.Length; i++) CollectionAssert.AreEqual(before[i], network.Parameters[i].Data);
        Assert.IsTrue(TorchWeights.Load(SmallNet(), Fixture("small_net.safetensors"), new TorchImportOptions { Strict = true }).AllParametersCopied);
    }

    [TestMethod]
    public void Load_StripPrefixAndRename_MatchesAndReportsIgnoredTensors()
    {
        var writer = new SafeTensorsWriter();
        writer.Add("module.backbone.weight", [2, 1, 1, 1], new[] { 1f, 2f });
        writer.Add("module.backbone.bias", [2], new[] { 3f, 4f });
        writer.Add("module.aux_head.weight", [1], new[] { 9f });
        writer.Add("extra", [1], new[] { 5f });
        var file = new MemoryStream();
        writer.WriteTo(file);
        var network = Network.Sequential([1, 2, 2], [new Conv2D(2, 1, name: "conv")]);

        file.Position = 0;
        var report = TorchWeights.Load(network, file, new TorchImportOptions
        {
            StripPrefix = "module.",
            Rename = name => name.StartsWith("aux_", StringComparison.Ordinal) ? null : name.Replace("backbone", "conv"),
        });

        CollectionAssert.AreEqual(new[] { "conv.weight", "conv.bias" }, report.Copied.ToArray());
        CollectionAssert.AreEqual(new[] { 1f, 2f }, network.Parameters[0].Data);
        CollectionAssert.AreEqual(new[] { "extra" }, report.Unused.ToArray());
        Assert.AreEqual(new SkippedTensor("module.aux_head.weight", "ignored by the rename function"), report.Skipped.Single());
    }

    [TestMethod]
    public void Load_TwoTensorsRenamedAlike_ThrowsArgument()
    {
        var writer = new SafeTensorsWriter();
        writer.Add("a.weight", [1], new[] { 1f });
        writer.Add("b.weight", [1], new[] { 2f });
        var file = new MemoryStream();
        writer.WriteTo(file);
        file.Position = 0;
        var e = Assert.ThrowsExactly<ArgumentException>(() => TorchWeights.Load(SmallNet(), file, new TorchImportOptions { Rename = _ => "x.weight" }));
        StringAssert.Contains(e.Message, "Tensors 'a.weight' and 'b.weight' both map to 'x.weight'");
    }

    [TestMethod]
    public void Save_ThenLoad_RoundTripsEveryParameterUnderTorchNames()
    {
        var source = SmallNet(seed: 11);
        var file = new MemoryStream();
        TorchWeights.Save(source, file, new Dictionary<string, string> { ["note"] = "round trip" });
        file.Position = 0;
        using (var reader = new SafeTensorsReader(file, leaveOpen: true))
        {
            Assert.IsTrue(reader.TryGetTensor("features.1.running_var", out var variance));
            CollectionAssert.AreEqual(new long[] { 8 }, variance.Shape.ToArray());
            Assert.IsTrue(reader.TryGetTensor("features.5.num_batches_tracked", out var counter));
            Assert.AreEqual(SafeTensorsDType.I64, counter.DType);
            Assert.AreEqual("round trip", reader.Metadata["note"]);
        }

        var target = SmallNet(seed: 12);
        file.Position = 0;
        var report = TorchWeights.Load(target, file, new TorchImportOptions { Strict = true });

        Assert.HasCount(2, report.Skipped);
        for (int i = 0; i < source.Parameters.Count; i++) CollectionAssert.AreEqual(source.Parameters[i].Data, target.Parameters[i].Data, source.Parameters[i].Name);
    }

    /// <summary>A torchvision-style classifier for the 1x8x8 quadrant images: conv, BN, ReLU, pool, flatten, linear.</summary>
    private static Network Quadrants(int classes, long seed)
    {
        var network = Network.Sequential([1, 8, 8],
        [
            new Conv2D(8, 3, padding: Padding.Explicit(1), useBias: false, name: "features.0"),
            new BatchNorm(name: "features.1"),
            new ReLU(name: "features.2"),
            new MaxPool2D(2, name: "features.3"),
            new Flatten(name: "flatten"),
            new Dense(classes, name: "classifier"),
        ], seed);
        var bn = (BatchNorm)network.GetLayer("features.1");
        for (int c = 0; c < 8; c++) { bn.RunningMean!.Data[c] = 0.05f * c; bn.RunningVariance!.Data[c] = 0.5f + 0.1f * c; }
        return network;
    }

    [TestMethod]
    public void Load_ThenFineTuneOnlyTheNewHead_KeepsImportedLayersBitForBitAndLearns()
    {
        var pretrained = Quadrants(classes: 4, seed: 1);
        var file = new MemoryStream();
        TorchWeights.Save(pretrained, file);
        file.Position = 0;

        var network = Quadrants(classes: 3, seed: 2);
        var report = TorchWeights.Load(network, file);
        CollectionAssert.AreEqual(new[] { "classifier.weight", "classifier.bias" }, report.WrongShape.Select(m => m.Name).ToArray());
        Assert.HasCount(network.Parameters.Count - 2, report.Copied);
        var imported = network.Parameters.Where(p => !p.Name.StartsWith("classifier", StringComparison.Ordinal)).ToDictionary(p => p.Name, p => p.Data.ToArray());
        var freshHead = network.GetLayer("classifier").Parameters[0].Data.ToArray();

        var ml = new MLContext(seed: 1);
        var rows = QuadrantData.Rows(240);
        var data = ml.Data.LoadFromEnumerable(rows);
        var keys = ml.Transforms.Conversion.MapValueToKey("Label").Fit(data);
        var trainer = ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o =>
        {
            o.Architecture = CnnArchitecture.FromNetwork(network);
            o.TrainableLayers = ["classifier"];
            o.MaxEpoch = 8;
        }));
        using var model = trainer.Fit(keys.Transform(data));

        var tuned = model.Network;
        foreach (var (name, values) in imported)
            CollectionAssert.AreEqual(values, tuned.Parameters.Single(p => p.Name == name).Data, $"{name} is frozen (running statistics included)");
        Assert.IsFalse(tuned.GetLayer("features.1").Trainable);
        CollectionAssert.AreNotEqual(freshHead, tuned.GetLayer("classifier").Parameters[0].Data, "the head trains");
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(keys.Transform(ml.Data.LoadFromEnumerable(QuadrantData.Rows(90, seed: 5)))));
        Assert.IsTrue(metrics.MicroAccuracy > 0.8, $"accuracy {metrics.MicroAccuracy:P1} on 3 classes (chance 33%)");
    }
}
