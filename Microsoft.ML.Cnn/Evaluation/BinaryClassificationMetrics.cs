// ML.NET's BinaryClassificationMetrics: the non-probabilistic results of a binary classifier's evaluation.
namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>
/// Evaluation results of a binary classifier, with ML.NET's names and definitions. A row is predicted positive when
/// its score is above 0 (ML.NET's default raw-score threshold; for a sigmoid head, probability above 0.5).
/// </summary>
public class BinaryClassificationMetrics
{
    internal BinaryClassificationMetrics(double areaUnderRocCurve, double accuracy, double positivePrecision, double positiveRecall,
        double negativePrecision, double negativeRecall, double f1Score, double areaUnderPrecisionRecallCurve, ConfusionMatrix confusionMatrix)
    {
        AreaUnderRocCurve = areaUnderRocCurve;
        Accuracy = accuracy;
        PositivePrecision = positivePrecision;
        PositiveRecall = positiveRecall;
        NegativePrecision = negativePrecision;
        NegativeRecall = negativeRecall;
        F1Score = f1Score;
        AreaUnderPrecisionRecallCurve = areaUnderPrecisionRecallCurve;
        ConfusionMatrix = confusionMatrix;
    }

    /// <summary>
    /// The area under the ROC curve: the probability that a random positive row scores higher than a random negative
    /// one, a tie counting one half (the Mann-Whitney statistic with average ranks). NaN when one class is absent.
    /// </summary>
    public double AreaUnderRocCurve { get; }

    /// <summary>The fraction of rows predicted correctly.</summary>
    public double Accuracy { get; }

    /// <summary>Of the rows predicted positive, the fraction that are positive (0 when none is predicted positive).</summary>
    public double PositivePrecision { get; }

    /// <summary>Of the positive rows, the fraction predicted positive (0 when there are none).</summary>
    public double PositiveRecall { get; }

    /// <summary>Of the rows predicted negative, the fraction that are negative (0 when none is predicted negative).</summary>
    public double NegativePrecision { get; }

    /// <summary>Of the negative rows, the fraction predicted negative (0 when there are none).</summary>
    public double NegativeRecall { get; }

    /// <summary>
    /// The harmonic mean of <see cref="PositivePrecision"/> and <see cref="PositiveRecall"/>,
    /// <c>2PR / (P + R)</c>; NaN when both are 0, as in ML.NET.
    /// </summary>
    public double F1Score { get; }

    /// <summary>
    /// The area under the precision-recall curve, by ML.NET's "lower trapezoid" estimator (Boyd et al., ECML 2013):
    /// rows are visited by descending score (equal scores in row order); each positive row adds
    /// <c>(recall - previousRecall) * (previousPrecision + precision) / 2</c>, where previousPrecision is the precision
    /// just before it (lowered by the negatives visited since the last positive). All rows are used (ML.NET samples
    /// 100,000 when there are more). 0 when there is no positive row.
    /// </summary>
    public double AreaUnderPrecisionRecallCurve { get; }

    /// <summary>The 2×2 counts, class 0 = positive and class 1 = negative (ML.NET's order).</summary>
    public ConfusionMatrix ConfusionMatrix { get; }
}
