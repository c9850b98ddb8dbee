// Skipped-row bookkeeping: one warning per reason in the log, and an error that explains an empty evaluation.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Evaluation;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class SkippedRowsTests
{
    [TestMethod]
    public void Report_NothingSkipped_NoWarning()
    {
        var context = new MLContext(1);
        var log = new List<LoggingEventArgs>();
        context.Log += (_, e) => log.Add(e);

        new SkippedRows("Evaluator", "Label", "Score") { Read = 4 }.Report(context);

        Assert.IsEmpty(log);
    }

    [TestMethod]
    public void Report_EachReason_OneWarningFromTheEvaluator()
    {
        var context = new MLContext(1);
        var log = new List<LoggingEventArgs>();
        context.Log += (_, e) => log.Add(e);

        new SkippedRows("Evaluator", "Truth", "Scores") { Read = 9, MissingLabel = 1, BadLabel = 2, BadScore = 3 }.Report(context);

        Assert.HasCount(3, log);
        Assert.IsTrue(log.All(e => e.Source == "Evaluator" && e.Kind == ChannelMessageKind.Warning));
        StringAssert.Contains(log[1].RawMessage, "2 of 9 rows have a negative or non-integer label in column 'Truth'");
        StringAssert.Contains(log[2].RawMessage, "3 of 9 rows have a NaN or infinite value in column 'Scores'");
    }

    [TestMethod]
    public void NothingToEvaluate_NoRows_SaysTheViewIsEmpty()
    {
        StringAssert.Contains(new SkippedRows("E", "Label", "Score").NothingToEvaluate().Message, "the data view has no rows");
    }

    [TestMethod]
    public void NothingToEvaluate_AllSkipped_GivesEachReason()
    {
        var skipped = new SkippedRows("E", "Label", "Score") { Read = 3, MissingLabel = 1, BadLabel = 1, BadScore = 1 };

        StringAssert.Contains(skipped.NothingToEvaluate().Message,
            "none of the 3 rows is usable (1 with a missing label in 'Label', 1 with a negative or non-integer label, 1 with a NaN or infinite 'Score')");
    }
}
