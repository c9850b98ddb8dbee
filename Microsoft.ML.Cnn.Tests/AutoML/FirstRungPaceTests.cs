// The first-rung pace check: it projects a stretch's time from its batches after the first, and cancels only when
// the projection exceeds the limit.
using Microsoft.ML.Cnn.AutoML;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class FirstRungPaceTests
{
    /// <summary>Reports batches 0..<paramref name="batches"/>-1 of epoch 0, <paramref name="pauseMs"/> apart.</summary>
    private static void Feed(FirstRungPace pace, int batches, int batchesPerEpoch, int pauseMs)
    {
        for (int b = 0; b < batches; b++)
        {
            if (b > 0) Thread.Sleep(pauseMs);
            pace.Report(new TrainingProgress(0, b, batchesPerEpoch, 1, 1, 0.5, 1e-3f));
        }
    }

    [TestMethod]
    public void Report_ProjectionOverTheLimit_CancelsTheStretch()
    {
        using var abandon = new CancellationTokenSource();
        var pace = new FirstRungPace(maxSeconds: 1, epochs: 2, abandon);

        Feed(pace, FirstRungPace.BatchesBeforeProjecting + 1, batchesPerEpoch: 1000, pauseMs: 5);

        // At least 5 ms a batch, 2,000 batches: at least 10 s projected.
        Assert.IsTrue(pace.Exceeded);
        Assert.IsTrue(abandon.IsCancellationRequested);
        Assert.IsGreaterThan(9.0, pace.ProjectedSeconds);
    }

    [TestMethod]
    public void Report_ProjectionWithinTheLimit_LetsItRun()
    {
        using var abandon = new CancellationTokenSource();
        var pace = new FirstRungPace(maxSeconds: 600, epochs: 1, abandon);

        Feed(pace, 8, batchesPerEpoch: 8, pauseMs: 1);

        Assert.IsFalse(pace.Exceeded);
        Assert.IsFalse(abandon.IsCancellationRequested);
        Assert.IsLessThan(600.0, pace.ProjectedSeconds);
    }

    [TestMethod]
    public void Report_TooFewBatchesOrLaterEpochs_NeverProjects()
    {
        using var abandon = new CancellationTokenSource();
        var pace = new FirstRungPace(maxSeconds: 1e-9, epochs: 1, abandon);

        Feed(pace, FirstRungPace.BatchesBeforeProjecting, batchesPerEpoch: 1000, pauseMs: 1);
        pace.Report(new TrainingProgress(1, 9, 1000, 1, 1, 0.5, 1e-3f));

        Assert.IsFalse(pace.Exceeded);
        Assert.IsTrue(double.IsNaN(pace.ProjectedSeconds));
    }
}
