// `mlcnn automl` end to end on the tiny image folder (two one-epoch trials), and its usage errors.
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Commands;

[TestClass]
public sealed class AutoMlCommandTests
{
    [TestMethod]
    public void Execute_ImageFolder_SavesTheBestPipelineWithReportThatScores()
    {
        string folder = MlcnnData.NewFolder("automl");
        string model = Path.Combine(folder, "best.zip");
        var result = MlcnnRunner.Expect(0, "automl", "--data", MlcnnData.ImageFolder, "--image-size", "12", "--seconds", "300", "--max-models", "2",
            "--max-epochs", "1", "--validation-fraction", "0.3", "--tuner", "random", "--backend", "managed", "--threads", "1", "-o", model);
        StringAssert.Contains(result.Output, "trial   1   1 epochs");
        StringAssert.Contains(result.Output, "The search ended (TrialLimit)");
        StringAssert.Contains(result.Output, "Best: trial ");
        StringAssert.Contains(result.Output, "rows of the validation rows.");
        string html = File.ReadAllText(Path.ChangeExtension(model, ".html"));
        StringAssert.Contains(html, "<section id=\"appendix\"><h2>Trials</h2>");
        StringAssert.Contains(html, "<section id=\"confusion-matrix\">");

        string predictions = Path.Combine(folder, "p.csv");
        MlcnnRunner.Expect(0, "score", "-m", model, "-i", Path.Combine(MlcnnData.ImageFolder, "Bag"), "-o", predictions);
        Assert.HasCount(MlcnnData.ImagesPerClass + 1, File.ReadAllLines(predictions));
    }

    [TestMethod]
    [DataRow(new[] { "--seconds", "0" }, "--seconds 0")]
    [DataRow(new[] { "--validation-fraction", "0" }, "--validation-fraction 0")]
    [DataRow(new[] { "--max-models", "0" }, "--max-models 0")]
    [DataRow(new[] { "--image-size", "32" }, "--image-size applies to image files")]
    public void Execute_BadArguments_IsUsageError(string[] arguments, string expected)
    {
        var result = MlcnnRunner.Expect(2, ["automl", "--data", "fashion-mnist", .. arguments]);
        StringAssert.Contains(result.Error, expected);
    }
}
