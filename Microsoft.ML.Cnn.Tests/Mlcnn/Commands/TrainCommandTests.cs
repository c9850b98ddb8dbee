// `mlcnn train` end to end on tiny data (IDX files, an image folder, a CSV of paths), fine-tuning from PyTorch weights
// (safetensors written by TorchWeights.Save), and its usage errors.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;
using Microsoft.ML.Cnn.Persistence.SafeTensors;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transfer;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Commands;

[TestClass]
public sealed class TrainCommandTests
{
    [TestMethod]
    public void Execute_IdxFiles_WritesModelReportAndTestMetrics()
    {
        var (result, model) = MlcnnData.IdxModel;
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsTrue(File.Exists(model), result.ToString());
        string report = Path.ChangeExtension(model, ".html");
        Assert.IsTrue(File.Exists(report), result.ToString());
        StringAssert.Contains(result.Output, "epoch 1: loss");
        StringAssert.Contains(result.Output, "val loss");                     // the test files double as validation data
        StringAssert.Contains(result.Output, "rows of the test data.");
        StringAssert.Contains(result.Output, "10: 9");                        // IDX files name classes by their label values
        string html = File.ReadAllText(report);
        StringAssert.Contains(html, "id=\"curves\"");
        StringAssert.Contains(html, "classifier (Dense)");
    }

    [TestMethod]
    public void Execute_ImageFolderWithValidationAndAugmentation_EvaluatesOnValidationRows()
    {
        var (result, model) = MlcnnData.ImageModel;
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsTrue(File.Exists(model));
        StringAssert.Contains(result.Output, "at 16x16 RGB");
        StringAssert.Contains(result.Output, "epoch 2: loss");
        StringAssert.Contains(result.Output, "rows of the validation rows.");
        string html = File.ReadAllText(Path.ChangeExtension(model, ".html"));
        StringAssert.Contains(html, "horizontal flips, random crops (padding 2)");
        StringAssert.Contains(html, ">validation</text>");                    // the validation curve's legend
    }

    [TestMethod]
    public void Execute_CsvOfPathsGrayscale_TrainsOnTheListedImages()
    {
        string folder = MlcnnData.NewFolder("csv-train");
        var result = MlcnnRunner.Expect(0, "train", "--data", MlcnnData.ImageCsv, "-a", MlcnnData.TinyArchitecture, "--epochs", "1",
            "--image-size", "12x10", "--grayscale", "--optimizer", "sgd", "--schedule", "cosine", "--backend", "managed", "--threads", "1",
            "-o", Path.Combine(folder, "m.zip"), "--report", Path.Combine(folder, "r.html"));
        StringAssert.Contains(result.Output, $"on {3 * MlcnnData.ImagesPerClass} rows of a CSV of image paths");
        StringAssert.Contains(result.Output, "at 12x10 grayscale");
        StringAssert.Contains(result.Output, "training rows (no test data or validation fraction was given)");
        Assert.IsTrue(File.Exists(Path.Combine(folder, "r.html")));
        var summary = MlcnnRunner.Expect(0, "summary", "-m", Path.Combine(folder, "m.zip"));
        StringAssert.Contains(summary.Output, "(N, 1, 10, 12)");              // (C, H, W) from 12x10 grayscale
    }

    [TestMethod]
    [DataRow(new[] { "--data", "/nonexistent/photos" }, "does not exist")]
    [DataRow(new[] { "--data", "/nonexistent/list.csv" }, "does not exist")]
    [DataRow(new[] { "--data", "fashion-mnist", "--labels", "x" }, "--labels goes with an IDX image file")]
    [DataRow(new[] { "--data", "fashion-mnist", "--early-stopping", "3" }, "add --validation-fraction")]
    [DataRow(new[] { "--data", "fashion-mnist", "--validation-fraction", "1.5" }, "--validation-fraction 1.5")]
    [DataRow(new[] { "--data", "fashion-mnist", "--warmup-epochs", "1" }, "--warmup-epochs goes with --schedule cosine")]
    [DataRow(new[] { "--data", "fashion-mnist", "--image-size", "32" }, "--image-size applies to image files")]
    [DataRow(new[] { "--data", "fashion-mnist", "-a", "HugeNet" }, "neither a preset (SeedCnn")]
    [DataRow(new[] { "--data", "fashion-mnist", "--test", "/nonexistent/dir" }, "--test '/nonexistent/dir' does not exist")]
    public void Execute_BadArguments_IsUsageErrorSayingWhatToDo(string[] arguments, string expected)
    {
        var result = MlcnnRunner.Expect(2, ["train", .. arguments]);
        StringAssert.Contains(result.Error, expected);
        StringAssert.Contains(result.Error, "Run 'mlcnn train --help'");
    }

    [TestMethod]
    public void Execute_IdxImagesWithoutLabels_AsksForTheLabelFile()
    {
        var result = MlcnnRunner.Expect(2, "train", "--data", MlcnnData.IdxTrainImages);
        StringAssert.Contains(result.Error, "add --labels LABELS-FILE");
    }

    [TestMethod]
    public void Execute_InvalidArchitectureFile_IsUsageErrorNamingLayerAndField()
    {
        string file = Path.Combine(MlcnnData.NewFolder("bad-architecture"), "bad.json");
        File.WriteAllText(file, """{ "layers": [ { "type": "conv", "filters": 4, "kernel": 3 }, { "type": "pool", "size": 0 } ] }""");
        var result = MlcnnRunner.Expect(2, "train", "--data", MlcnnData.ImageFolder, "-a", file);
        StringAssert.Contains(result.Error, "layers[1] (pool): \"size\" must be a positive integer");
    }

    [TestMethod]
    public void Execute_ArchitectureTooDeepForTheImages_FailsAtRuntimeNamingTheLayer()
    {
        string file = Path.Combine(MlcnnData.NewFolder("deep-architecture"), "deep.json");
        File.WriteAllText(file, """{ "layers": [ { "type": "conv", "filters": 2, "kernel": 9 }, { "type": "flatten" } ] }""");
        var result = MlcnnRunner.Expect(1, "train", "--data", MlcnnData.ImageFolder, "-a", file, "--image-size", "6", "--epochs", "1",
            "-o", Path.Combine(MlcnnData.NewFolder("deep-out"), "m.zip"));
        StringAssert.Contains(result.Error, "conv2d_1");
        StringAssert.Contains(result.Error, "the kernel spans 9 rows");
    }

    [TestMethod]
    public void Execute_ResNet18WeightsTrainOnlyFc_ImportsKeepsFrozenLayersAndReports()
    {
        string folder = MlcnnData.NewFolder("resnet-weights");
        string weights = Path.Combine(folder, "resnet18-10.safetensors");
        var pretrained = ArchitectureCatalog.Create(ArchitecturePreset.ResNet18, [3, 32, 32], classes: 10, seed: 7);
        TorchWeights.Save(pretrained, weights);
        string model = Path.Combine(folder, "m.zip");

        var result = MlcnnRunner.Expect(0, "train", "--data", MlcnnData.ImageFolder, "-a", "resnet18", "--weights", weights, "--train-only", "fc",
            "--normalize", "imagenet", "--epochs", "1", "--batch-size", "10", "--backend", "managed", "--threads", "1", "-o", model);

        StringAssert.Contains(result.Output, "at 32x32 RGB, ImageNet normalization");
        StringAssert.Contains(result.Output, $"Imported weights from '{weights}': copied 100, missing 0, wrong shape 2, unused 0, skipped 20.");
        StringAssert.Contains(result.Output, "fc.weight: the file's (10, 512) does not fit (3, 512); kept fresh.");
        StringAssert.Contains(result.Output, "fc.bias: the file's (10) does not fit (3); kept fresh.");
        StringAssert.Contains(result.Output, "skipped: 20 BatchNorm num_batches_tracked counters (no counterpart here).");
        StringAssert.Contains(result.Output, "--train-only fc: training 1 of 41 layers with weights (fc; 1,539 values)");
        Assert.DoesNotContain("Note: torchvision's pretrained weights expect", result.Output);
        var trained = LoadedModel.Load(new MLContext(1), model).Scorer.Network;
        var fresh = ArchitectureCatalog.Create(ArchitecturePreset.ResNet18, [3, 32, 32], classes: 3, seed: 1);
        foreach (var (parameter, index) in trained.Parameters.Select((p, i) => (p, i)))
        {
            Assert.AreEqual(pretrained.Parameters[index].Name, parameter.Name);
            if (parameter.Name.StartsWith("fc.", StringComparison.Ordinal))
                Assert.IsFalse(parameter.Data.AsSpan().SequenceEqual(fresh.Parameters[index].Data), $"{parameter.Name} was not trained.");
            else
                Assert.IsTrue(parameter.Data.AsSpan().SequenceEqual(pretrained.Parameters[index].Data), $"{parameter.Name} (frozen) changed.");
        }
        string html = File.ReadAllText(Path.ChangeExtension(model, ".html"));
        StringAssert.Contains(html, "initial weights");
        StringAssert.Contains(html, "copied 100, missing 0, wrong shape 2, unused 0, skipped 20; tensors that did not fit kept fresh values");
        StringAssert.Contains(html, "ImageNet&#39;s mean (0.485, 0.456, 0.406)");
        StringAssert.Contains(html, "id=\"appendix\"><h2>Weight import");
        StringAssert.Contains(html, "wrong shape: fc.weight: source (10, 512), target (3, 512)");
    }

    [TestMethod]
    public void Execute_PrefixedWeightsFreezeUpTo_StripsThePrefixAndTrainsOnlyTheRest()
    {
        string folder = MlcnnData.NewFolder("seedcnn-weights");
        var pretrained = ArchitectureCatalog.Create(ArchitecturePreset.SeedCnn, [3, 16, 16], classes: 3, seed: 5);
        string weights = WritePrefixed(pretrained, Path.Combine(folder, "module.safetensors"), "module.");
        string model = Path.Combine(folder, "m.zip");

        var result = MlcnnRunner.Expect(0, "train", "--data", MlcnnData.ImageFolder, "-a", "SeedCnn", "--image-size", "16", "--weights", weights,
            "--weights-strip-prefix", "module.", "--freeze-up-to", "conv2d_2", "--epochs", "1", "--batch-size", "8", "--backend", "managed", "--threads", "1", "-o", model);

        StringAssert.Contains(result.Output, "copied 8, missing 0, wrong shape 0, unused 0.");
        StringAssert.Contains(result.Output, "--freeze-up-to conv2d_2: training 2 of 4 layers with weights (dense_1, dense_2; 33,283 values), 19,392 values frozen.");
        StringAssert.Contains(result.Output, "Note: torchvision's pretrained weights expect --normalize imagenet");
        var trained = LoadedModel.Load(new MLContext(1), model).Scorer.Network;
        for (int i = 0; i < trained.Parameters.Count; i++)
        {
            bool frozen = trained.Parameters[i].Name.StartsWith("conv2d_", StringComparison.Ordinal);
            Assert.AreEqual(frozen, trained.Parameters[i].Data.AsSpan().SequenceEqual(pretrained.Parameters[i].Data), trained.Parameters[i].Name);
        }
    }

    [TestMethod]
    public void Execute_WeightsWithAnUnstrippedPrefix_FailsSuggestingTheStripPrefix()
    {
        string folder = MlcnnData.NewFolder("prefixed-weights");
        string weights = WritePrefixed(ArchitectureCatalog.Create(ArchitecturePreset.SeedCnn, [3, 16, 16], classes: 3), Path.Combine(folder, "w.safetensors"), "module.");
        var result = MlcnnRunner.Expect(2, "train", "--data", MlcnnData.ImageFolder, "-a", "SeedCnn", "--image-size", "16", "--weights", weights,
            "--epochs", "1", "-o", Path.Combine(folder, "m.zip"));
        StringAssert.Contains(result.Error, "fills no parameter of the preset SeedCnn");
        StringAssert.Contains(result.Error, "'module.conv2d_1.weight'");
        StringAssert.Contains(result.Error, "add --weights-strip-prefix module.");
        Assert.DoesNotContain("   at ", result.Error);                   // no stack trace
        Assert.IsFalse(File.Exists(Path.Combine(folder, "m.zip")));
    }

    [TestMethod]
    public void Execute_WeightsOfAnotherWidth_FailsNamingTheShapes()
    {
        string folder = MlcnnData.NewFolder("narrow-weights");
        string weights = Path.Combine(folder, "tiny.safetensors");
        TorchWeights.Save(Network.Sequential([3, 16, 16], [new Conv2D(4, 3, name: "conv2d_1")]), weights);
        var result = MlcnnRunner.Expect(2, "train", "--data", MlcnnData.ImageFolder, "-a", "SeedCnn", "--image-size", "16", "--weights", weights,
            "--epochs", "1", "-o", Path.Combine(folder, "m.zip"));
        StringAssert.Contains(result.Error, "the 2 tensors whose names match all differ in shape (e.g. conv2d_1.weight: file (4, 3, 3, 3), network (32, 3, 3, 3))");
    }

    [TestMethod]
    [DataRow("missing", "is not a file")]
    [DataRow("garbage", "is not a valid safetensors file")]
    [DataRow("truncated", "is not a valid safetensors file")]
    public void Execute_UnreadableWeightsFile_IsUsageErrorBeforeReadingData(string kind, string expected)
    {
        string folder = MlcnnData.NewFolder("bad-weights");
        string weights = Path.Combine(folder, "w.safetensors");
        if (kind == "garbage") File.WriteAllText(weights, "PK\u0003\u0004 this is a zip, not safetensors");
        if (kind == "truncated")
        {
            TorchWeights.Save(ArchitectureCatalog.Create(ArchitecturePreset.SeedCnn, [3, 16, 16], classes: 3), weights);
            var bytes = File.ReadAllBytes(weights);
            File.WriteAllBytes(weights, bytes[..(bytes.Length - 100)]);
        }
        string emptyData = MlcnnData.NewFolder("no-images");             // fails if read: the weights are checked first
        var result = MlcnnRunner.Expect(2, "train", "--data", emptyData, "--weights", weights);
        StringAssert.Contains(result.Error, $"--weights '{weights}' {expected}");
        Assert.DoesNotContain("   at ", result.Error);
    }

    [TestMethod]
    [DataRow(new[] { "--train-only", "conv2d_1,classifier" }, "--train-only names 'classifier', which is neither a layer nor a module of the preset SeedCnn. Its layers with weights are conv2d_1, conv2d_2, dense_1, dense_2.")]
    [DataRow(new[] { "--freeze-up-to", "dense_2" }, "--freeze-up-to dense_2 leaves no layer with weights to train")]
    [DataRow(new[] { "--train-only", "maxpool2d_1" }, "--train-only maxpool2d_1 leaves no layer with weights to train")]
    public void Execute_LayerNamesThatDoNotFit_IsUsageErrorListingTheLayers(string[] arguments, string expected)
    {
        var result = MlcnnRunner.Expect(2, ["train", "--data", MlcnnData.ImageFolder, "-a", "SeedCnn", "--image-size", "16", "--epochs", "1",
            "-o", Path.Combine(MlcnnData.NewFolder("bad-layer"), "m.zip"), .. arguments]);
        StringAssert.Contains(result.Error, expected);
        StringAssert.Contains(result.Error, "Run 'mlcnn train --help'");
    }

    [TestMethod]
    [DataRow(new[] { "--data", "fashion-mnist", "--normalize", "imagenet" }, "--normalize applies to image files")]
    [DataRow(new[] { "--grayscale", "--normalize", "imagenet" }, "--normalize imagenet needs RGB pixels")]
    [DataRow(new[] { "--train-only", "fc", "--freeze-up-to", "layer3" }, "give one of them")]
    [DataRow(new[] { "--train-only", "fc,,layer4" }, "holds an empty name")]
    [DataRow(new[] { "--weights-strip-prefix", "module." }, "--weights-strip-prefix goes with --weights")]
    public void Execute_FineTuningOptionsThatDoNotFit_IsUsageError(string[] arguments, string expected)
    {
        string[] data = arguments.Contains("--data") ? [] : ["--data", MlcnnData.ImageFolder];
        var result = MlcnnRunner.Expect(2, ["train", .. data, .. arguments]);
        StringAssert.Contains(result.Error, expected);
    }

    /// <summary>Writes <paramref name="network"/> as TorchWeights.Save would, every name prefixed (as DataParallel checkpoints are).</summary>
    private static string WritePrefixed(Network network, string path, string prefix)
    {
        var writer = new SafeTensorsWriter();
        foreach (var parameter in network.Parameters) writer.Add(prefix + TorchParameterNames.ToTorch(parameter.Name), parameter.Shape.ToArray(), parameter.Data);
        writer.Save(path);
        return path;
    }
}
