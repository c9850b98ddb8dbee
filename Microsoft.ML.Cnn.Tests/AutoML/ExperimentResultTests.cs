// The printable trial table: one row per trial with status, epochs, metric, time and settings; the best marked.
using Microsoft.ML.Cnn.AutoML;
using Microsoft.ML.Cnn.Evaluation;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class ExperimentResultTests
{
    private static RunDetail<MulticlassClassificationMetrics> Run(int id, TrialStatus status, int epochs, double metric, Exception? exception = null) =>
        new(id, "CnnMulticlassTrainer", new CnnTrialSettings { Filters = 8 * id }, status, epochs == 0 ? -1 : epochs / 3, epochs, metric, null, null, [], 1.25 * id, exception);

    [TestMethod]
    public void GetFormattedTrialTable_EveryTrialOneRow_BestMarked()
    {
        var runs = new[]
        {
            Run(1, TrialStatus.Stopped, 1, 0.8123),
            Run(2, TrialStatus.Completed, 9, 0.9251),
            Run(3, TrialStatus.Failed, 0, double.NaN, new InvalidOperationException("boom")),
            Run(4, TrialStatus.Cancelled, 0, double.NaN),
        };
        var result = new ExperimentResult<MulticlassClassificationMetrics>(runs, runs[1], "MicroAccuracy", [1, 3, 9], ExperimentStopReason.TimeLimit, 600);

        var lines = result.GetFormattedTrialTable().TrimEnd().Split(Environment.NewLine);

        Assert.HasCount(6, lines);
        StringAssert.StartsWith(lines[0].TrimStart(), "trial  status");
        StringAssert.Contains(lines[0], "MicroAccuracy");
        StringAssert.Contains(lines[3], "*2");
        StringAssert.Contains(lines[3], "Completed");
        StringAssert.Contains(lines[3], "0.9251");
        StringAssert.Contains(lines[3], "conv 16-32");
        StringAssert.Contains(lines[4], "Failed");
        StringAssert.Contains(lines[4], " - ");
        Assert.AreEqual(1, lines.Count(l => l.Contains('*')));
        Assert.AreEqual(lines[2].IndexOf("Stopped"), lines[5].IndexOf("Cancelled"), "columns line up");
    }

    [TestMethod]
    public void RunDetail_ToString_OneLineWithTheSettings()
    {
        string line = Run(2, TrialStatus.Completed, 9, 0.9251).ToString();

        Assert.AreEqual("trial 2: Completed, 9 epoch(s), metric 0.9251, 2.5 s | conv 16-32 x1 k3 bn, dense 128, drop 0.25 | AdamW lr 1.0e-3 wd 1.0e-4, batch 128, aug none", line);
    }
}
