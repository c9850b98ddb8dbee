// ML.NET's CalibratedBinaryClassificationMetrics: binary results plus the metrics of the predicted probabilities.
namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>Evaluation results of a binary classifier that outputs probabilities, with ML.NET's definitions.</summary>
public sealed class CalibratedBinaryClassificationMetrics : BinaryClassificationMetrics
{
    internal CalibratedBinaryClassificationMetrics(BinaryClassificationMetrics counts, double logLoss, double logLossReduction, double entropy)
        : base(counts.AreaUnderRocCurve, counts.Accuracy, counts.PositivePrecision, counts.PositiveRecall, counts.NegativePrecision,
            counts.NegativeRecall, counts.F1Score, counts.AreaUnderPrecisionRecallCurve, counts.ConfusionMatrix)
    {
        LogLoss = logLoss;
        LogLossReduction = logLossReduction;
        Entropy = entropy;
    }

    /// <summary>
    /// The average log-loss in bits (base 2, as ML.NET): <c>-(1/m) Σ log2(q_i)</c>, where <c>q_i</c> is the
    /// probability for a positive row and 1 minus it for a negative row. Not clamped, as in ML.NET: a probability of
    /// exactly 0 for the true class gives infinity; a NaN probability gives NaN.
    /// </summary>
    public double LogLoss { get; }

    /// <summary>
    /// The log-loss reduction (relative information gain): <c>(Entropy - LogLoss) / Entropy</c>, the advantage of the
    /// classifier over predicting the fraction of positives for every row. 1 for a perfect model.
    /// </summary>
    public double LogLossReduction { get; }

    /// <summary>The test-set entropy in bits: the log-loss of the prior, <c>-p log2 p - (1-p) log2 (1-p)</c>, p = fraction of positives.</summary>
    public double Entropy { get; }
}
