// ASHA's promotion rule on made-up results: the top ⌊n/η⌋ of a rung, highest rung first, each trial once, metrics
// compared the right way round, NaN last, ties by arrival.
using Microsoft.ML.Cnn.AutoML;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class AsyncSuccessiveHalvingTests
{
    [TestMethod]
    public void NextPromotion_FewerThanEtaResults_PromotesNothing()
    {
        var asha = new AsyncSuccessiveHalving(rungCount: 3, reductionFactor: 3, higherIsBetter: true);
        asha.Record(0, 0, 0.9);
        asha.Record(1, 0, 0.5);

        Assert.IsNull(asha.NextPromotion());
    }

    [TestMethod]
    public void NextPromotion_ThreeResults_PromotesTheBestOnce()
    {
        var asha = new AsyncSuccessiveHalving(3, 3, higherIsBetter: true);
        asha.Record(0, 0, 0.5);
        asha.Record(1, 0, 0.9);
        asha.Record(2, 0, 0.7);

        Assert.AreEqual(new Promotion(1, 0), asha.NextPromotion());
        Assert.IsNull(asha.NextPromotion(), "one in three: the best was promoted, no one else qualifies");
    }

    [TestMethod]
    public void NextPromotion_SixResults_PromotesTheTopTwoInOrder()
    {
        var asha = new AsyncSuccessiveHalving(3, 3, higherIsBetter: true);
        double[] metrics = [0.1, 0.6, 0.3, 0.8, 0.2, 0.4];
        for (int t = 0; t < metrics.Length; t++) asha.Record(t, 0, metrics[t]);

        Assert.AreEqual(new Promotion(3, 0), asha.NextPromotion());
        Assert.AreEqual(new Promotion(1, 0), asha.NextPromotion());
        Assert.IsNull(asha.NextPromotion());
    }

    [TestMethod]
    public void NextPromotion_LateArrivalInTheTopShare_PromotedAtOnceWithoutDemotingEarlierOnes()
    {
        var asha = new AsyncSuccessiveHalving(2, 3, higherIsBetter: true);
        asha.Record(0, 0, 0.5);
        asha.Record(1, 0, 0.4);
        asha.Record(2, 0, 0.3);
        Assert.AreEqual(new Promotion(0, 0), asha.NextPromotion());

        // Asynchronous: trial 3 arrives after trial 0 went on; it is the top 1 of 4 now, so it goes on too.
        asha.Record(3, 0, 0.9);
        Assert.AreEqual(new Promotion(3, 0), asha.NextPromotion());
        asha.Record(4, 0, 0.1);
        asha.Record(5, 0, 0.2);
        Assert.IsNull(asha.NextPromotion(), "the top 2 of 6 (trials 3 and 0) have both been promoted");
        asha.Record(6, 0, 0.45);
        asha.Record(7, 0, 0.05);
        asha.Record(8, 0, 0.01);
        Assert.AreEqual(new Promotion(6, 0), asha.NextPromotion(), "the top 3 of 9 now include trial 6");
    }

    [TestMethod]
    public void NextPromotion_HigherRungFirst()
    {
        var asha = new AsyncSuccessiveHalving(3, 3, higherIsBetter: true);
        for (int t = 0; t < 9; t++) asha.Record(t, 0, t / 10.0);
        for (int t = 6; t < 9; t++) asha.Record(t, 1, t / 10.0);

        Assert.AreEqual(new Promotion(8, 1), asha.NextPromotion());
        Assert.AreEqual(2, new Promotion(8, 1).ToRung);
    }

    [TestMethod]
    public void NextPromotion_TopRungResults_AreNeverPromoted()
    {
        var asha = new AsyncSuccessiveHalving(2, 3, higherIsBetter: true);
        for (int t = 0; t < 3; t++) asha.Record(t, 1, 0.5);

        Assert.IsNull(asha.NextPromotion());
    }

    [TestMethod]
    public void Ranked_LowerIsBetter_NaNLastTiesInArrivalOrder()
    {
        var asha = new AsyncSuccessiveHalving(2, 2, higherIsBetter: false);
        asha.Record(7, 0, double.NaN);
        asha.Record(3, 0, 0.4);
        asha.Record(5, 0, 0.2);
        asha.Record(4, 0, 0.4);

        CollectionAssert.AreEqual(new[] { 5, 3, 4, 7 }, asha.Ranked(0).ToArray());
        Assert.AreEqual(new Promotion(5, 0), asha.NextPromotion());
        Assert.AreEqual(new Promotion(3, 0), asha.NextPromotion());
    }

    [TestMethod]
    public void Record_SameTrialTwiceAtARung_Throws()
    {
        var asha = new AsyncSuccessiveHalving(2, 3, true);
        asha.Record(1, 0, 0.5);

        Assert.ThrowsExactly<InvalidOperationException>(() => asha.Record(1, 0, 0.6));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => asha.Record(2, 2, 0.6));
    }
}
