// Trains one stretch of a trial (to its next rung) and evaluates it: augmentation steps, the task's Cnn trainer
// started from the trial's previous weights, the validation metrics, and the epochs it ran.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>The outcome of one stretch: the fitted trial steps, the trained network, the metrics and the epochs run.</summary>
internal sealed record StretchResult<TMetrics>(ITransformer Model, Network Network, TMetrics Metrics, double MetricValue, IReadOnlyList<EpochMetrics> Epochs);

/// <summary>Runs stretches of trials on an experiment's prepared data.</summary>
internal sealed class TrialTrainer<TMetrics>(MLContext context, IExperimentTask<TMetrics> task, ExperimentData data, string labelColumnName, ExperimentSettings settings)
    where TMetrics : class
{
    /// <summary>
    /// Trains <paramref name="trial"/> for <paramref name="epochs"/> epochs from <paramref name="initialWeights"/> (or from
    /// scratch), reporting each batch to <paramref name="progress"/>, and evaluates it on the validation rows.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public StretchResult<TMetrics> Train(CnnTrialSettings trial, int epochs, int seed, Network? initialWeights, IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var history = new List<EpochMetrics>();
        var trainer = task.CreateTrainer(new TrialTrainerOptions(labelColumnName, settings.FeatureColumnName, trial, epochs, seed,
            data.Validation, initialWeights, settings.Backend, settings.NumberOfThreads, cancellationToken, history.Add, progress));
        var augmentation = Augmentation(trial.Augmentation);
        var model = augmentation is null ? trainer.Fit(data.Train) : augmentation.Append(trainer).Fit(data.Train);
        var cnn = Cnn(model);
        try
        {
            var metrics = task.Evaluate(model.Transform(data.Validation), labelColumnName);
            return new StretchResult<TMetrics>(model, cnn.Network, metrics, task.MetricValue(metrics), history);
        }
        finally
        {
            // Only the weights are kept between rungs; compiled scoring buffers would hold memory for every trial.
            cnn.ReleaseCompiledPredictors();
        }
    }

    /// <summary>The augmentation steps of <paramref name="kind"/> on the feature column, or null for none.</summary>
    private IEstimator<ITransformer>? Augmentation(AugmentationKind kind)
    {
        string features = settings.FeatureColumnName;
        var flip = context.Transforms.RandomHorizontalFlip(features);
        return kind switch
        {
            AugmentationKind.None => null,
            AugmentationKind.HorizontalFlip => flip,
            AugmentationKind.RandomCrop => Crop(),
            AugmentationKind.HorizontalFlipAndRandomCrop => Crop() is { } crop ? flip.Append(crop) : flip,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown augmentation."),
        };
    }

    /// <summary>A random crop padded by 1/8 of the image's shorter side (at least 1 pixel); null for images too small to shift.</summary>
    private IEstimator<ITransformer>? Crop()
    {
        var type = data.Train.Schema.GetColumnOrNull(settings.FeatureColumnName)?.Type as VectorDataViewType;
        var dimensions = type?.Dimensions ?? [];
        if (dimensions.Count < 2) return null;
        int side = Math.Min(dimensions[^1], dimensions[^2]);
        return side < 2 ? null : context.Transforms.RandomCrop(settings.FeatureColumnName, Math.Max(1, side / 8));
    }

    private static CnnPredictionTransformerBase Cnn(ITransformer model) =>
        (model as CnnPredictionTransformerBase ?? (model as IEnumerable<ITransformer>)?.LastOrDefault() as CnnPredictionTransformerBase)
        ?? throw new InvalidOperationException($"The trial's pipeline ended in {model.GetType().Name}, not a Cnn model.");
}
