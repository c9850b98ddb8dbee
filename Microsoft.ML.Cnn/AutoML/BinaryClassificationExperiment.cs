// mlContext.Auto().CreateBinaryClassificationExperiment: searches Cnn classifiers of a Boolean (or Single, or
// two-value key) label.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Evaluation;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>An AutoML experiment for binary classification; validation metrics are the calibrated ones (with log-loss).</summary>
public sealed class BinaryClassificationExperiment : ExperimentBase<BinaryClassificationMetrics, BinaryExperimentSettings>
{
    internal BinaryClassificationExperiment(MLContext context, BinaryExperimentSettings settings)
        : base(context, settings, new BinaryTask(context, settings)) { }

    private sealed class BinaryTask(MLContext context, BinaryExperimentSettings settings) : IExperimentTask<BinaryClassificationMetrics>
    {
        public string TrainerName => nameof(CnnBinaryTrainer);

        public string MetricName => settings.OptimizingMetric.ToString();

        public bool HigherIsBetter => true;

        public IEstimator<ITransformer>? PrepareLabel(DataViewSchema.Column label) => null;

        public IEstimator<ITransformer> CreateTrainer(TrialTrainerOptions options) =>
            context.BinaryClassification.Trainers.Cnn(options.Apply(new CnnBinaryTrainer.Options()));

        public BinaryClassificationMetrics Evaluate(IDataView scored, string labelColumnName) =>
            context.BinaryClassification.Evaluate(scored, labelColumnName);

        public double MetricValue(BinaryClassificationMetrics metrics) => OptimizingMetrics.Value(settings.OptimizingMetric, metrics);
    }
}
