// EarlyStoppingTracker: improvement in either direction, min delta, and Keras's patience rule.
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed class EarlyStoppingTrackerTests
{
    [TestMethod]
    public void Observe_LossStopsImproving_StopsAfterPatienceEpochs()
    {
        var tracker = new EarlyStoppingTracker(new EarlyStoppingOptions { Patience = 2 });

        Assert.IsTrue(tracker.Observe(1.0, double.NaN));
        Assert.IsTrue(tracker.Observe(0.8, double.NaN));
        Assert.IsFalse(tracker.Observe(0.9, double.NaN));
        Assert.IsFalse(tracker.ShouldStop);
        Assert.IsFalse(tracker.Observe(0.85, double.NaN));
        Assert.IsTrue(tracker.ShouldStop);
    }

    [TestMethod]
    public void Observe_AccuracyWithMinDelta_NeedsARealIncrease()
    {
        var tracker = new EarlyStoppingTracker(new EarlyStoppingOptions { Monitor = EarlyStoppingMonitor.ValidationAccuracy, MinDelta = 0.01, Patience = 1 });

        Assert.IsTrue(tracker.Observe(double.NaN, 0.80));
        Assert.IsFalse(tracker.Observe(double.NaN, 0.805));
        Assert.IsTrue(tracker.ShouldStop);
    }

    [TestMethod]
    public void Observe_NaNLoss_IsNoImprovement()
    {
        var tracker = new EarlyStoppingTracker(new EarlyStoppingOptions { Patience = 1 });
        tracker.Observe(1.0, double.NaN);

        Assert.IsFalse(tracker.Observe(double.NaN, double.NaN));
    }
}
