// What differs between the multiclass and binary experiments: the label's preparation, the trainer, the evaluator
// and the optimizing metric. Everything else (data, search, rungs, limits) is shared.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>A machine-learning task an experiment searches models for.</summary>
internal interface IExperimentTask<TMetrics> where TMetrics : class
{
    /// <summary>The trainer's class name, for run details.</summary>
    string TrainerName { get; }

    /// <summary>The optimizing metric's name, e.g. "MicroAccuracy".</summary>
    string MetricName { get; }

    /// <summary>Whether larger values of the optimizing metric are better.</summary>
    bool HigherIsBetter { get; }

    /// <summary>A step the label needs before training (fitted once, with the pre-featurizer), or null.</summary>
    IEstimator<ITransformer>? PrepareLabel(DataViewSchema.Column label);

    /// <summary>The Cnn trainer of one stretch of a trial.</summary>
    IEstimator<ITransformer> CreateTrainer(TrialTrainerOptions options);

    /// <summary>The validation metrics of scored rows.</summary>
    TMetrics Evaluate(IDataView scored, string labelColumnName);

    /// <summary>The optimizing metric's value in <paramref name="metrics"/>.</summary>
    double MetricValue(TMetrics metrics);
}
