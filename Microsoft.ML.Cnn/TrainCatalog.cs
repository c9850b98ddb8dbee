// The task catalogs of MLContext, as in ML.NET: each holds its trainers (extended by extension methods, e.g. Cnn)
// and its evaluator.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Evaluation;

namespace Microsoft.ML.Cnn;

/// <summary>Multiclass classification: trainers and evaluation, reached as <c>mlContext.MulticlassClassification</c>.</summary>
public sealed class MulticlassClassificationCatalog
{
    internal MulticlassClassificationCatalog(MLContext context)
    {
        Context = context;
        Trainers = new MulticlassClassificationTrainers(context);
    }

    internal MLContext Context { get; }

    /// <summary>The multiclass trainers (see <c>Trainers.Cnn</c>).</summary>
    public MulticlassClassificationTrainers Trainers { get; }

    /// <summary>
    /// Evaluates scored multiclass data: accuracies, log-loss and its reduction, per-class log-loss, top-K accuracy
    /// and the confusion matrix, with ML.NET's definitions (see <see cref="MulticlassClassificationMetrics"/>).
    /// </summary>
    /// <param name="data">The scored data, e.g. the output of a trained model's <c>Transform</c>.</param>
    /// <param name="labelColumnName">The true class: a key (1..K, 0 = missing) or a Single class index (NaN = missing).</param>
    /// <param name="scoreColumnName">The class probabilities: a known-size vector of Single; its SlotNames name the classes.</param>
    /// <param name="predictedLabelColumnName">The predicted label; must exist (as in ML.NET), the prediction itself is the highest score.</param>
    /// <param name="topKPredictionCount">K for <see cref="MulticlassClassificationMetrics.TopKAccuracy"/>; 0 for none.</param>
    public MulticlassClassificationMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", int topKPredictionCount = 0) =>
        new MulticlassClassificationEvaluator(Context).Evaluate(data, labelColumnName, scoreColumnName, predictedLabelColumnName, topKPredictionCount);

    /// <summary>The multiclass trainers; each trainer adds itself as an extension method.</summary>
    public sealed class MulticlassClassificationTrainers
    {
        internal MulticlassClassificationTrainers(MLContext context) => Context = context;

        internal MLContext Context { get; }
    }
}

/// <summary>Binary classification: trainers and evaluation, reached as <c>mlContext.BinaryClassification</c>.</summary>
public sealed class BinaryClassificationCatalog
{
    internal BinaryClassificationCatalog(MLContext context)
    {
        Context = context;
        Trainers = new BinaryClassificationTrainers(context);
    }

    internal MLContext Context { get; }

    /// <summary>The binary trainers (see <c>Trainers.Cnn</c>).</summary>
    public BinaryClassificationTrainers Trainers { get; }

    /// <summary>
    /// Evaluates scored binary data with probabilities: accuracy, AUC, AUPRC, F1, precision and recall of each class,
    /// log-loss, its reduction, entropy and the confusion matrix, with ML.NET's definitions
    /// (see <see cref="CalibratedBinaryClassificationMetrics"/>).
    /// </summary>
    /// <param name="data">The scored data, e.g. the output of a trained model's <c>Transform</c>.</param>
    /// <param name="labelColumnName">The truth: Boolean, Single or Double (positive when &gt; 0), or a key with 2 values (key 2 positive).</param>
    /// <param name="scoreColumnName">The raw score (logit), Single; a row is predicted positive when it is &gt; 0.</param>
    /// <param name="probabilityColumnName">The probability of the positive class, Single.</param>
    /// <param name="predictedLabelColumnName">The Boolean predicted label; must exist (as in ML.NET).</param>
    public CalibratedBinaryClassificationMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score",
        string probabilityColumnName = "Probability", string predictedLabelColumnName = "PredictedLabel") =>
        new BinaryClassificationEvaluator(Context).Evaluate(data, labelColumnName, scoreColumnName, probabilityColumnName, predictedLabelColumnName);

    /// <summary>The binary trainers; each trainer adds itself as an extension method.</summary>
    public sealed class BinaryClassificationTrainers
    {
        internal BinaryClassificationTrainers(MLContext context) => Context = context;

        internal MLContext Context { get; }
    }
}

/// <summary>Regression: trainers and evaluation, reached as <c>mlContext.Regression</c>.</summary>
public sealed class RegressionCatalog
{
    internal RegressionCatalog(MLContext context)
    {
        Context = context;
        Trainers = new RegressionTrainers(context);
    }

    internal MLContext Context { get; }

    /// <summary>The regression trainers (see <c>Trainers.Cnn</c>).</summary>
    public RegressionTrainers Trainers { get; }

    /// <summary>
    /// Evaluates scored regression data: mean absolute and squared error, their root, the loss and R², with ML.NET's
    /// definitions (see <see cref="RegressionMetrics"/>).
    /// </summary>
    /// <param name="data">The scored data, e.g. the output of a trained model's <c>Transform</c>.</param>
    /// <param name="labelColumnName">The true value, Single (NaN = missing).</param>
    /// <param name="scoreColumnName">The predicted value, Single.</param>
    public RegressionMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score") =>
        new RegressionEvaluator(Context).Evaluate(data, labelColumnName, scoreColumnName);

    /// <summary>The regression trainers; each trainer adds itself as an extension method.</summary>
    public sealed class RegressionTrainers
    {
        internal RegressionTrainers(MLContext context) => Context = context;

        internal MLContext Context { get; }
    }
}
