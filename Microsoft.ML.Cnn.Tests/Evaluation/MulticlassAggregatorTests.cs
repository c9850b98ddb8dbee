// The multiclass running sums: rank of the true class with ties, unknown classes, and the no-row guard.
using Microsoft.ML.Cnn.Evaluation;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class MulticlassAggregatorTests
{
    [TestMethod]
    [DataRow(0, new[] { 0.5f, 0.3f, 0.2f }, 0)]
    [DataRow(2, new[] { 0.5f, 0.3f, 0.2f }, 2)]
    [DataRow(1, new[] { 0.4f, 0.4f, 0.2f }, 1, DisplayName = "tie with a lower class ranks after it")]
    [DataRow(0, new[] { 0.4f, 0.4f, 0.2f }, 0, DisplayName = "tie with a higher class ranks before it")]
    [DataRow(2, new[] { 0.2f, 0.2f, 0.2f }, 2)]
    public void RankOf_CountsHigherScoresAndEarlierTies(int trueClass, float[] scores, int expected)
    {
        Assert.AreEqual(expected, MulticlassAggregator.RankOf(trueClass, scores));
    }

    [TestMethod]
    public void ToMetrics_TiedTopScores_FirstClassIsThePrediction()
    {
        var aggregator = new MulticlassAggregator(["a", "b"], topK: 1);
        aggregator.Add(1, [0.5f, 0.5f]);
        aggregator.Add(0, [0.5f, 0.5f]);

        var metrics = aggregator.ToMetrics();

        Assert.AreEqual(0.5, metrics.MicroAccuracy);
        Assert.AreEqual(0.5, metrics.TopKAccuracy);
        Assert.AreEqual(2, metrics.ConfusionMatrix.GetCountForClassPair(predictedClassIndicatorIndex: 0, actualClassIndicatorIndex: 0)
            + metrics.ConfusionMatrix.GetCountForClassPair(0, 1));
    }

    [TestMethod]
    public void Add_UnknownClass_CountedApartFromConfusion()
    {
        var aggregator = new MulticlassAggregator(["a", "b"], topK: 0);
        aggregator.Add(0, [0.9f, 0.1f]);
        aggregator.Add(7, [0.9f, 0.1f]);

        var metrics = aggregator.ToMetrics();

        Assert.AreEqual(2, aggregator.RowCount);
        Assert.AreEqual(1, aggregator.UnknownClassCount);
        Assert.AreEqual(0.5, metrics.MicroAccuracy);
        Assert.AreEqual((-Math.Log(0.9f) - Math.Log(MulticlassAggregator.Epsilon)) / 2, metrics.LogLoss, 1e-12);
        CollectionAssert.AreEqual(new[] { -Math.Log(0.9f), 0 }, metrics.PerClassLogLoss.ToArray());
    }

    [TestMethod]
    public void ToMetrics_SingleClassPresent_ReductionUndefined()
    {
        var aggregator = new MulticlassAggregator(["a", "b"], topK: 0);
        aggregator.Add(0, [0.5f, 0.5f]);

        // The prior's log-loss (the class entropy) is 0, so the relative reduction divides by zero, as in ML.NET.
        Assert.AreEqual(double.NegativeInfinity, aggregator.ToMetrics().LogLossReduction);
    }

    [TestMethod]
    public void ToMetrics_NoRows_Throws()
    {
        Assert.ThrowsExactly<InvalidOperationException>(() => new MulticlassAggregator(["a", "b"], topK: 0).ToMetrics());
    }
}
