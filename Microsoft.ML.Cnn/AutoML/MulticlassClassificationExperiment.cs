// mlContext.Auto().CreateMulticlassClassificationExperiment: searches Cnn classifiers of a key (or mapped) label.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Evaluation;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>
/// An AutoML experiment for multiclass classification. A label that is not a key is mapped to keys
/// (MapValueToKey, fitted on the training rows) as part of every trial's pipeline; apply MapKeyToValue to
/// <c>PredictedLabel</c> for the names.
/// </summary>
public sealed class MulticlassClassificationExperiment : ExperimentBase<MulticlassClassificationMetrics, MulticlassExperimentSettings>
{
    internal MulticlassClassificationExperiment(MLContext context, MulticlassExperimentSettings settings)
        : base(context, settings, new MulticlassTask(context, settings)) { }

    private sealed class MulticlassTask(MLContext context, MulticlassExperimentSettings settings) : IExperimentTask<MulticlassClassificationMetrics>
    {
        public string TrainerName => nameof(CnnMulticlassTrainer);

        public string MetricName => settings.OptimizingMetric.ToString();

        public bool HigherIsBetter => OptimizingMetrics.HigherIsBetter(settings.OptimizingMetric);

        public IEstimator<ITransformer>? PrepareLabel(DataViewSchema.Column label) =>
            label.Type is KeyDataViewType ? null : context.Transforms.Conversion.MapValueToKey(label.Name);

        public IEstimator<ITransformer> CreateTrainer(TrialTrainerOptions options) =>
            context.MulticlassClassification.Trainers.Cnn(options.Apply(new CnnMulticlassTrainer.Options()));

        public MulticlassClassificationMetrics Evaluate(IDataView scored, string labelColumnName) =>
            context.MulticlassClassification.Evaluate(scored, labelColumnName);

        public double MetricValue(MulticlassClassificationMetrics metrics) => OptimizingMetrics.Value(settings.OptimizingMetric, metrics);
    }
}
