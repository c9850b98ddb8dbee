// ReduceOnPlateau: cuts after patience is exhausted, respects the floor, and resets.
using Microsoft.ML.Cnn.Optimizers.Schedules;

namespace Microsoft.ML.Cnn.Tests.Optimizers.Schedules;

[TestClass]
public sealed class ReduceOnPlateauTests
{
    [TestMethod]
    public void EpochEnded_NoImprovementBeyondPatience_CutsTheRate()
    {
        var schedule = new ReduceOnPlateau(factor: 0.5f, patience: 1);
        schedule.EpochEnded(0, 1.0);
        schedule.EpochEnded(1, 1.0);
        Assert.AreEqual(1f, schedule.LearningRate(2, 1f), "one bad epoch is within patience");

        schedule.EpochEnded(2, 1.2);

        Assert.AreEqual(0.5f, schedule.LearningRate(3, 1f));
    }

    [TestMethod]
    public void EpochEnded_ImprovementSmallerThanMinDelta_CountsAsBad()
    {
        var schedule = new ReduceOnPlateau(factor: 0.5f, patience: 0, minDelta: 0.1f);
        schedule.EpochEnded(0, 1.0);

        schedule.EpochEnded(1, 0.95);

        Assert.AreEqual(0.5f, schedule.LearningRate(2, 1f));
    }

    [TestMethod]
    public void EpochEnded_ManyCuts_StopsAtTheFloor()
    {
        var schedule = new ReduceOnPlateau(factor: 0.1f, patience: 0, minLearningRate: 0.05f);
        for (int epoch = 0; epoch < 5; epoch++) schedule.EpochEnded(epoch, 1.0);

        Assert.AreEqual(0.05f, schedule.LearningRate(5, 1f));
    }

    [TestMethod]
    public void EpochEnded_NaNLoss_CountsAsBad()
    {
        var schedule = new ReduceOnPlateau(factor: 0.5f, patience: 0);
        schedule.EpochEnded(0, 1.0);

        schedule.EpochEnded(1, double.NaN);

        Assert.AreEqual(0.5f, schedule.LearningRate(2, 1f));
    }

    [TestMethod]
    public void Reset_AfterCuts_RestoresTheBaseRate()
    {
        var schedule = new ReduceOnPlateau(factor: 0.5f, patience: 0);
        schedule.EpochEnded(0, 1.0);
        schedule.EpochEnded(1, 1.0);

        ((ILearningRateSchedule)schedule).Reset();

        Assert.AreEqual(1f, schedule.LearningRate(0, 1f));
    }

    [TestMethod]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ReduceOnPlateau(factor: 1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ReduceOnPlateau(patience: -1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ReduceOnPlateau(minLearningRate: -1f));
    }
}
