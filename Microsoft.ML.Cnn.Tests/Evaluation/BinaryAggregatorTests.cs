// The binary running counts: the raw-score threshold, binary entropy, log-loss edge cases, the no-row guard.
using Microsoft.ML.Cnn.Evaluation;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class BinaryAggregatorTests
{
    [TestMethod]
    [DataRow(0.5, 1.0)]
    [DataRow(0.25, 0.8112781244591328)]
    [DataRow(0.0, 0.0)]
    [DataRow(1.0, 0.0)]
    public void BinaryEntropy_InBits(double p, double expected)
    {
        Assert.AreEqual(expected, BinaryAggregator.BinaryEntropy(p), 1e-12);
    }

    [TestMethod]
    public void Add_ScoreZero_PredictedNegative()
    {
        var aggregator = new BinaryAggregator("yes", "no");
        aggregator.Add(isPositive: true, score: 0f, probability: 0.5f);
        aggregator.Add(isPositive: false, score: 0.001f, probability: 0.5f);

        var metrics = aggregator.ToMetrics();

        Assert.AreEqual(0, metrics.Accuracy);
        CollectionAssert.AreEqual(new double[] { 0, 1 }, metrics.ConfusionMatrix.Counts[0].ToArray());
        Assert.AreEqual(1.0, metrics.LogLoss, 1e-12, "-log2(0.5) per row");
        Assert.AreEqual(0.0, metrics.LogLossReduction, 1e-12, "no better than the 50% prior");
    }

    [TestMethod]
    public void ToMetrics_ZeroProbabilityForTruth_InfiniteLogLoss()
    {
        var aggregator = new BinaryAggregator("yes", "no");
        aggregator.Add(isPositive: true, score: -5f, probability: 0f);
        aggregator.Add(isPositive: false, score: -5f, probability: 0f);

        Assert.AreEqual(double.PositiveInfinity, aggregator.ToMetrics().LogLoss);
    }

    [TestMethod]
    public void ToMetrics_NaNProbability_NaNLogLoss()
    {
        var aggregator = new BinaryAggregator("yes", "no");
        aggregator.Add(isPositive: true, score: 1f, probability: float.NaN);

        var metrics = aggregator.ToMetrics();

        Assert.IsTrue(double.IsNaN(metrics.LogLoss));
        Assert.AreEqual(1.0, metrics.Accuracy);
    }

    [TestMethod]
    public void ToMetrics_NoRows_Throws()
    {
        Assert.ThrowsExactly<InvalidOperationException>(() => new BinaryAggregator("yes", "no").ToMetrics());
    }
}
