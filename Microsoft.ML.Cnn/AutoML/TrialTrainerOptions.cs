// The trainer options of one stretch of a trial (from one rung to the next), applied to the task's options object.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Optimizers.Schedules;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>
/// What the trainer of one stretch of a trial is told: <c>InitialWeights</c> is the trial's network at its previous
/// rung (continued, not retrained), or null at the first rung; <c>EpochEnded</c> receives each epoch's metrics and
/// <c>Progress</c> each batch's.
/// </summary>
internal sealed record TrialTrainerOptions(string LabelColumnName, string FeatureColumnName, CnnTrialSettings Settings, int Epochs, int Seed,
    IDataView ValidationSet, Network? InitialWeights, BackendKind Backend, int? NumberOfThreads, CancellationToken CancellationToken,
    Action<EpochMetrics> EpochEnded, IProgress<TrainingProgress>? Progress)
{
    /// <summary>Fills the options every classification trainer shares and returns them.</summary>
    public TOptions Apply<TOptions>(TOptions options) where TOptions : CnnClassificationTrainerOptions
    {
        options.LabelColumnName = LabelColumnName;
        options.FeatureColumnName = FeatureColumnName;
        options.Architecture = Settings.ToArchitecture(Seed);
        options.Optimizer = Settings.CreateOptimizer();
        options.WeightDecay = Settings.CoupledWeightDecay;
        // Each stretch anneals its own rate (a warm restart at each promotion, as SGDR): every rung's model is
        // compared after a full decay, and a trial the time limit stops keeps an annealed model.
        options.LearningRateSchedule = new CosineDecay(Epochs);
        options.MaxEpoch = Epochs;
        options.BatchSize = Settings.BatchSize;
        options.ValidationSet = ValidationSet;
        options.Seed = Seed;
        options.InitialWeights = InitialWeights;
        options.Backend = Backend;
        options.NumberOfThreads = NumberOfThreads;
        options.CancellationToken = CancellationToken;
        options.MetricsCallback = EpochEnded;
        options.Progress = Progress;
        return options;
    }
}
