// ML.NET's MulticlassClassificationMetrics: the result of mlContext.MulticlassClassification.Evaluate.
namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>Evaluation results of a multiclass classifier, with ML.NET's names and definitions.</summary>
public sealed class MulticlassClassificationMetrics
{
    internal MulticlassClassificationMetrics(double microAccuracy, double macroAccuracy, double logLoss, double logLossReduction,
        int topKPredictionCount, IReadOnlyList<double>? topKAccuracyForAllK, IReadOnlyList<double> perClassLogLoss, ConfusionMatrix confusionMatrix)
    {
        MicroAccuracy = microAccuracy;
        MacroAccuracy = macroAccuracy;
        LogLoss = logLoss;
        LogLossReduction = logLossReduction;
        TopKPredictionCount = topKPredictionCount;
        TopKAccuracyForAllK = topKAccuracyForAllK;
        PerClassLogLoss = perClassLogLoss;
        ConfusionMatrix = confusionMatrix;
    }

    /// <summary>
    /// The average log-loss, <c>-(1/m) Σ ln(p_i)</c> over the m evaluated rows, where <c>p_i</c> is the score of the
    /// row's true class clamped to [1e-15, 1]. A row whose label is not a class of the score vector counts as
    /// <c>-ln(1e-15)</c>. 0 for a perfect model.
    /// </summary>
    public double LogLoss { get; }

    /// <summary>
    /// The log-loss reduction (relative information gain): <c>(LogLoss(prior) - LogLoss) / LogLoss(prior)</c>, where
    /// the prior predicts every row with the class frequencies of the evaluated data (its log-loss is their entropy,
    /// in nats). 1 for a perfect model, 0 for the prior, negative when worse than the prior.
    /// </summary>
    public double LogLossReduction { get; }

    /// <summary>The average over the classes present in the data of each class's accuracy (its recall).</summary>
    public double MacroAccuracy { get; }

    /// <summary>The fraction of rows whose highest-scoring class (the first on ties) is the true class.</summary>
    public double MicroAccuracy { get; }

    /// <summary>
    /// <c>TopKAccuracyForAllK[TopKPredictionCount - 1]</c>: the fraction of rows whose true class is among the
    /// <see cref="TopKPredictionCount"/> highest scores; 0 when <see cref="TopKPredictionCount"/> is 0.
    /// </summary>
    public double TopKAccuracy => TopKAccuracyForAllK is { Count: > 0 } all ? all[^1] : 0;

    /// <summary>The K of <see cref="TopKAccuracy"/>; 0 when top-K accuracy was not asked for.</summary>
    public int TopKPredictionCount { get; }

    /// <summary>
    /// Top-K accuracy for every K from 1 to <see cref="TopKPredictionCount"/> (null when that is 0). The rank of the
    /// true class counts the classes scored higher, and the equal-scored classes of lower index (ties go to the first).
    /// </summary>
    public IReadOnlyList<double>? TopKAccuracyForAllK { get; }

    /// <summary>The average log-loss of the rows of each class (0 for a class absent from the data).</summary>
    public IReadOnlyList<double> PerClassLogLoss { get; }

    /// <summary>The counts of predicted against actual classes, named by the score column's slot names.</summary>
    public ConfusionMatrix ConfusionMatrix { get; }
}
