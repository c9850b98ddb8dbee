// Which way each optimizing metric is better, and that experiments rank by it (a log-loss search keeps the lowest).
using Microsoft.ML.Cnn.AutoML;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class OptimizingMetricsTests
{
    [TestMethod]
    [DataRow(MulticlassClassificationMetric.MicroAccuracy, true)]
    [DataRow(MulticlassClassificationMetric.MacroAccuracy, true)]
    [DataRow(MulticlassClassificationMetric.LogLossReduction, true)]
    [DataRow(MulticlassClassificationMetric.LogLoss, false)]
    public void HigherIsBetter_OnlyLogLossIsMinimized(MulticlassClassificationMetric metric, bool higherIsBetter)
    {
        Assert.AreEqual(higherIsBetter, OptimizingMetrics.HigherIsBetter(metric));
    }

    [TestMethod]
    public void Execute_LogLoss_BestRunHasTheLowestLogLoss()
    {
        var ml = new MLContext(seed: 1);
        var settings = TinySearch.Settings(maxModels: 3);
        settings.OptimizingMetric = MulticlassClassificationMetric.LogLoss;

        var result = ml.Auto().CreateMulticlassClassificationExperiment(settings).Execute(TinySearch.Rows(ml), 0.2);

        Assert.AreEqual("LogLoss", result.MetricName);
        Assert.AreEqual(result.RunDetails.Min(r => r.ValidationMetric), result.BestRun.ValidationMetric);
        Assert.AreEqual(result.BestRun.ValidationMetrics!.LogLoss, result.BestRun.ValidationMetric);
    }
}
