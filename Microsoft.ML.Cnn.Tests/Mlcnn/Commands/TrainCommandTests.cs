// `mlcnn train` end to end on tiny data (IDX files, an image folder, a CSV of paths), and its usage errors.
using Microsoft.ML.Cnn.Tests.TestSupport;

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
}
