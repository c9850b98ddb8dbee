// The metrics an experiment can rank trials by (ML.NET's AutoML enums), and how each is read and compared.
using Microsoft.ML.Cnn.Evaluation;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>Multiclass validation metrics an experiment can optimize (as in ML.NET's AutoML).</summary>
public enum MulticlassClassificationMetric
{
    /// <summary>The share of rows classified correctly. Higher is better.</summary>
    MicroAccuracy,
    /// <summary>The mean over classes of each class's accuracy. Higher is better.</summary>
    MacroAccuracy,
    /// <summary>The mean negative log-probability of the true class. Lower is better.</summary>
    LogLoss,
    /// <summary>How much better the log-loss is than predicting the class frequencies. Higher is better.</summary>
    LogLossReduction,
}

/// <summary>Binary validation metrics an experiment can optimize (as in ML.NET's AutoML).</summary>
public enum BinaryClassificationMetric
{
    /// <summary>The share of rows classified correctly.</summary>
    Accuracy,
    /// <summary>The area under the ROC curve.</summary>
    AreaUnderRocCurve,
    /// <summary>The area under the precision-recall curve.</summary>
    AreaUnderPrecisionRecallCurve,
    /// <summary>The harmonic mean of positive precision and recall.</summary>
    F1Score,
    /// <summary>The share of positive predictions that are right.</summary>
    PositivePrecision,
    /// <summary>The share of positive rows predicted positive.</summary>
    PositiveRecall,
    /// <summary>The share of negative predictions that are right.</summary>
    NegativePrecision,
    /// <summary>The share of negative rows predicted negative.</summary>
    NegativeRecall,
}

/// <summary>Reads a metric from evaluator output and says which way is better.</summary>
internal static class OptimizingMetrics
{
    public static double Value(MulticlassClassificationMetric metric, MulticlassClassificationMetrics m) => metric switch
    {
        MulticlassClassificationMetric.MicroAccuracy => m.MicroAccuracy,
        MulticlassClassificationMetric.MacroAccuracy => m.MacroAccuracy,
        MulticlassClassificationMetric.LogLoss => m.LogLoss,
        MulticlassClassificationMetric.LogLossReduction => m.LogLossReduction,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown multiclass metric."),
    };

    public static bool HigherIsBetter(MulticlassClassificationMetric metric) => metric != MulticlassClassificationMetric.LogLoss;

    public static double Value(BinaryClassificationMetric metric, BinaryClassificationMetrics m) => metric switch
    {
        BinaryClassificationMetric.Accuracy => m.Accuracy,
        BinaryClassificationMetric.AreaUnderRocCurve => m.AreaUnderRocCurve,
        BinaryClassificationMetric.AreaUnderPrecisionRecallCurve => m.AreaUnderPrecisionRecallCurve,
        BinaryClassificationMetric.F1Score => m.F1Score,
        BinaryClassificationMetric.PositivePrecision => m.PositivePrecision,
        BinaryClassificationMetric.PositiveRecall => m.PositiveRecall,
        BinaryClassificationMetric.NegativePrecision => m.NegativePrecision,
        BinaryClassificationMetric.NegativeRecall => m.NegativeRecall,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown binary metric."),
    };
}
