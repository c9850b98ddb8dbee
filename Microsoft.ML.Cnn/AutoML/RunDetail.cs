// One trial of an experiment as ML.NET's RunDetail reports it (validation metrics, model, runtime, exception), plus
// what successive halving adds: the settings, the rung and epochs reached, the status and the epoch history.
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>How far a trial got.</summary>
public enum TrialStatus
{
    /// <summary>Trained to the last rung.</summary>
    Completed,
    /// <summary>Trained to a lower rung and not promoted (in a progress report: not promoted yet).</summary>
    Stopped,
    /// <summary>Training or evaluation threw; see <see cref="RunDetail{TMetrics}.Exception"/>.</summary>
    Failed,
    /// <summary>The time limit or the cancellation token stopped it before it reached its first rung.</summary>
    Cancelled,
    /// <summary>
    /// Abandoned in its first rung: at the pace of its first batches, the rung would have taken more than
    /// <see cref="SuccessiveHalvingOptions.MaxFirstRungTimeShare"/> of the time budget.
    /// </summary>
    TooSlow,
}

/// <summary>A trial: its settings, how far it trained, its validation metrics and its fitted pipeline.</summary>
/// <typeparam name="TMetrics">The task's metrics, e.g. <see cref="Evaluation.MulticlassClassificationMetrics"/>.</typeparam>
public sealed class RunDetail<TMetrics> where TMetrics : class
{
    internal RunDetail(int trialId, string trainerName, CnnTrialSettings settings, TrialStatus status, int rung, int epochs,
        double validationMetric, TMetrics? validationMetrics, ITransformer? model, IReadOnlyList<EpochMetrics> epochHistory,
        double runtimeInSeconds, Exception? exception)
    {
        TrialId = trialId;
        TrainerName = trainerName;
        Settings = settings;
        Status = status;
        Rung = rung;
        Epochs = epochs;
        ValidationMetric = validationMetric;
        ValidationMetrics = validationMetrics;
        Model = model;
        EpochHistory = epochHistory;
        RuntimeInSeconds = runtimeInSeconds;
        Exception = exception;
    }

    /// <summary>The trial's number: 1 for the first trial started, and so on.</summary>
    public int TrialId { get; }

    /// <summary>The trainer, e.g. "CnnMulticlassTrainer" (every trial trains a Cnn; <see cref="Settings"/> tell them apart).</summary>
    public string TrainerName { get; }

    /// <summary>The network and training settings the tuner proposed.</summary>
    public CnnTrialSettings Settings { get; }

    /// <summary>How far the trial got.</summary>
    public TrialStatus Status { get; }

    /// <summary>The last rung reached (0 = the first), or -1 when none was.</summary>
    public int Rung { get; }

    /// <summary>Epochs trained up to <see cref="Rung"/> (0 when none was reached).</summary>
    public int Epochs { get; }

    /// <summary>The optimizing metric on the validation rows at <see cref="Rung"/>; NaN when no rung was reached (or training diverged).</summary>
    public double ValidationMetric { get; }

    /// <summary>Every validation metric at <see cref="Rung"/>; null when no rung was reached.</summary>
    public TMetrics? ValidationMetrics { get; }

    /// <summary>
    /// The fitted pipeline at <see cref="Rung"/>: the pre-featurizer (and label mapping), then the trained Cnn, ready for
    /// <c>Transform</c>, <c>Evaluate</c> and <c>mlContext.Model.Save</c>; null when no rung was reached.
    /// </summary>
    public ITransformer? Model { get; }

    /// <summary>Every epoch trained up to <see cref="Rung"/>, numbered from 0 across rungs (training and validation loss and accuracy), for plotting.</summary>
    public IReadOnlyList<EpochMetrics> EpochHistory { get; }

    /// <summary>Seconds spent training and evaluating this trial, over all its rungs.</summary>
    public double RuntimeInSeconds { get; }

    /// <summary>What made the trial fail; null unless <see cref="Status"/> is <see cref="TrialStatus.Failed"/>.</summary>
    public Exception? Exception { get; }

    /// <summary>One line: trial, status, epochs, metric and settings.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"trial {TrialId}: {Status}, {Epochs} epoch(s), metric {ValidationMetric:F4}, {RuntimeInSeconds:F1} s | {Settings}");
}
