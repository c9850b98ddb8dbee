// Evaluates a fitted mlcnn pipeline on labelled rows: ML.NET's multiclass metrics and confusion matrix (from the
// library's evaluator), plus the most confident mistakes for the report.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Evaluation;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Mlcnn.Reports;

/// <summary>Metrics of a model on one data set.</summary>
/// <param name="DataName">What the rows were, e.g. "test data".</param>
/// <param name="Metrics">Accuracy, log-loss, confusion matrix (the library's evaluator).</param>
/// <param name="ClassNames">Class names in class order.</param>
/// <param name="Mistakes">The most confident wrong predictions, most confident first.</param>
internal sealed record ClassEvaluation(string DataName, MulticlassClassificationMetrics Metrics, IReadOnlyList<string> ClassNames, IReadOnlyList<Mistake> Mistakes)
{
    /// <summary>Rows counted in the confusion matrix.</summary>
    public long Rows => (long)Metrics.ConfusionMatrix.Counts.Sum(row => row.Sum());
}

/// <summary>Runs the evaluation.</summary>
internal static class ModelEvaluation
{
    /// <summary>How many mistakes a report shows.</summary>
    public const int MistakesShown = 24;

    /// <summary>Scores <paramref name="rows"/> twice (metrics, then mistakes): scoring is fast beside training and no scored rows are held.</summary>
    public static ClassEvaluation Evaluate(MLContext ml, ITransformer model, IDataView rows, string dataName)
    {
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(rows));
        var classNames = metrics.ConfusionMatrix.PredictedClassesIndicators.Select(n => n.ToString()).ToList();
        var scorer = PipelineSteps.Flatten(model).OfType<CnnMulticlassPredictionTransformer>().Single();
        var mistakes = MistakeCollector.Collect(model.Transform(rows), classNames, MistakesShown, PipelineSteps.ImageColumn, scorer.FeatureColumnName);
        return new ClassEvaluation(dataName, metrics, classNames, mistakes);
    }
}
