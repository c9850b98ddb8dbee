// `mlcnn evaluate` on the models the train tests made: metrics, confusion matrix, the report, and data of the wrong kind.
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Commands;

[TestClass]
public sealed class EvaluateCommandTests
{
    [TestMethod]
    public void Execute_ImageModelOnFolder_PrintsConfusionMatrixAndWritesReport()
    {
        string report = Path.Combine(MlcnnData.NewFolder("evaluate"), "eval.html");
        var result = MlcnnRunner.Expect(0, "evaluate", "-m", MlcnnData.ImageModel.Model, "--data", MlcnnData.ImageFolder, "--report", report);
        foreach (var (_, name) in MlcnnData.ImageClasses) StringAssert.Contains(result.Output, name);
        StringAssert.Contains(result.Output, "recall");
        StringAssert.Contains(result.Output, $"on {3 * MlcnnData.ImagesPerClass} rows of the evaluation data.");
        string html = File.ReadAllText(report);
        StringAssert.Contains(html, "id=\"confusion-matrix\"");
        StringAssert.Contains(html, "<polyline");                          // the history saved in the model gives the curves
    }

    [TestMethod]
    public void Execute_IdxModelOnIdxFiles_ReportsAccuracy()
    {
        var result = MlcnnRunner.Expect(0, "evaluate", "-m", MlcnnData.IdxModel.Model, "--data", MlcnnData.IdxTestImages, "--labels", MlcnnData.IdxTestLabels);
        StringAssert.Contains(result.Output, "Accuracy ");
        StringAssert.Contains(result.Output, "on 60 rows");
    }

    [TestMethod]
    public void Execute_DamagedImageAndUnknownClass_FailsWithHintThenSkipsWhenAsked()
    {
        string folder = MlcnnData.NewFolder("evaluate-mixed");
        foreach (var name in new[] { "Bag", "Unicorn" })
        {
            Directory.CreateDirectory(Path.Combine(folder, name));
            foreach (var file in Directory.GetFiles(Path.Combine(MlcnnData.ImageFolder, "Bag")).Take(3)) File.Copy(file, Path.Combine(folder, name, Path.GetFileName(file)));
        }
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "Images", "truncated.jpg"), Path.Combine(folder, "Bag", "truncated.jpg"));

        var failed = MlcnnRunner.Expect(1, "evaluate", "-m", MlcnnData.ImageModel.Model, "--data", folder);
        StringAssert.Contains(failed.Error, "truncated.jpg");
        StringAssert.Contains(failed.Error, "add --skip-invalid-images");

        var skipped = MlcnnRunner.Expect(0, "evaluate", "-m", MlcnnData.ImageModel.Model, "--data", folder, "--skip-invalid-images");
        StringAssert.Contains(skipped.Error, "3 rows have classes the model does not know (Unicorn: 3)");
        StringAssert.Contains(skipped.Error, "Skipped a row whose image cannot be loaded");
        StringAssert.Contains(skipped.Output, "on 3 rows of the evaluation data.");
    }

    [TestMethod]
    public void Execute_PixelModelOnImageFiles_IsUsageError()
    {
        var result = MlcnnRunner.Expect(2, "evaluate", "-m", MlcnnData.IdxModel.Model, "--data", MlcnnData.ImageFolder);
        StringAssert.Contains(result.Error, "was trained on pixel vectors");
    }

    [TestMethod]
    public void Execute_MissingModel_IsUsageError()
    {
        var result = MlcnnRunner.Expect(2, "evaluate", "-m", "/nonexistent/model.zip", "--data", MlcnnData.ImageFolder);
        StringAssert.Contains(result.Error, "does not exist");
    }

    [TestMethod]
    public void Execute_DamagedModelFile_FailsAtRuntime()
    {
        string file = Path.Combine(MlcnnData.NewFolder("damaged"), "model.zip");
        File.WriteAllBytes(file, [.. File.ReadAllBytes(MlcnnData.ImageModel.Model).Take(200)]);
        var result = MlcnnRunner.Expect(1, "evaluate", "-m", file, "--data", MlcnnData.ImageFolder);
        StringAssert.StartsWith(result.Error, "mlcnn evaluate: ");
    }
}
