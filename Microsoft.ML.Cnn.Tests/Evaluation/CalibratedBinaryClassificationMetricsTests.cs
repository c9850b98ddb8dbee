// The calibrated metrics carry every base metric over unchanged, next to the probability metrics.
using Microsoft.ML.Cnn.Evaluation;
using EngineConfusionMatrix = Microsoft.ML.Cnn.Training.ConfusionMatrix;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class CalibratedBinaryClassificationMetricsTests
{
    [TestMethod]
    public void Constructor_BaseMetrics_CarriedOverInPlace()
    {
        var matrix = new ConfusionMatrix(new EngineConfusionMatrix(2));
        var counts = new BinaryClassificationMetrics(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, matrix);

        var metrics = new CalibratedBinaryClassificationMetrics(counts, logLoss: 0.9, logLossReduction: 1.0, entropy: 1.1);

        CollectionAssert.AreEqual(new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1 }, new[]
        {
            metrics.AreaUnderRocCurve, metrics.Accuracy, metrics.PositivePrecision, metrics.PositiveRecall, metrics.NegativePrecision,
            metrics.NegativeRecall, metrics.F1Score, metrics.AreaUnderPrecisionRecallCurve, metrics.LogLoss, metrics.LogLossReduction, metrics.Entropy,
        });
        Assert.AreSame(matrix, metrics.ConfusionMatrix);
    }
}
