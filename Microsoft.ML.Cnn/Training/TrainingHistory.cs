// What a training run reports: per-batch progress while it runs, and per-epoch metrics when it is done.
using System.Globalization;

namespace Microsoft.ML.Cnn.Training;

/// <summary>Progress after one training batch. A struct, so reporting it allocates nothing.</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="Batch">0-based batch within the epoch.</param>
/// <param name="BatchesPerEpoch">
/// Batches in one epoch: exact for in-memory data; for a streamed source an estimate from its row count until a pass
/// has finished, and never less than <paramref name="Batch"/> + 1 (so it grows when the source could not tell).
/// </param>
/// <param name="BatchLoss">This batch's mean loss.</param>
/// <param name="EpochLoss">Mean loss over the epoch's batches so far.</param>
/// <param name="EpochAccuracy">Accuracy over the epoch so far, NaN when the loss has none.</param>
/// <param name="LearningRate">The epoch's learning rate.</param>
public readonly record struct TrainingProgress(int Epoch, int Batch, int BatchesPerEpoch, double BatchLoss, double EpochLoss, double EpochAccuracy, float LearningRate);

/// <summary>The metrics of one finished epoch; validation metrics are NaN without validation data, accuracies NaN for regression.</summary>
public sealed record EpochMetrics(int Epoch, double Loss, double Accuracy, double ValidationLoss, double ValidationAccuracy,
    float LearningRate, TimeSpan Duration, double SamplesPerSecond)
{
    /// <summary>One line, e.g. "epoch 1: loss 0.4312 acc 84.71% | val loss 0.3950 acc 85.90% | lr 0.001 | 12.3 s, 4878 samples/s".</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        string line = string.Format(c, "epoch {0}: loss {1:F4}", Epoch + 1, Loss);
        if (!double.IsNaN(Accuracy)) line += string.Format(c, " acc {0:P2}", Accuracy);
        if (!double.IsNaN(ValidationLoss)) line += string.Format(c, " | val loss {0:F4}", ValidationLoss);
        if (!double.IsNaN(ValidationAccuracy)) line += string.Format(c, " acc {0:P2}", ValidationAccuracy);
        return line + string.Format(c, " | lr {0:G4} | {1:F1} s, {2:F0} samples/s", LearningRate, Duration.TotalSeconds, SamplesPerSecond);
    }
}

/// <summary>How a training run ended.</summary>
public enum TrainingOutcome
{
    /// <summary>Every requested epoch ran.</summary>
    Completed,
    /// <summary>Early stopping ended the run.</summary>
    StoppedEarly,
    /// <summary>The cancellation token fired; the epoch in progress is not recorded.</summary>
    Cancelled,
}

/// <summary>The per-epoch metrics of a run, how it ended, and which epoch's weights the network holds.</summary>
public sealed class TrainingHistory
{
    internal TrainingHistory(IReadOnlyList<EpochMetrics> epochs, TrainingOutcome outcome, int restoredEpoch)
    {
        Epochs = epochs;
        Outcome = outcome;
        RestoredEpoch = restoredEpoch;
    }

    /// <summary>Finished epochs, in order.</summary>
    public IReadOnlyList<EpochMetrics> Epochs { get; }

    public TrainingOutcome Outcome { get; }

    /// <summary>The epoch whose weights were restored (early stopping's best), or -1 when the network holds the last weights.</summary>
    public int RestoredEpoch { get; }

    public bool Cancelled => Outcome == TrainingOutcome.Cancelled;

    public override string ToString() => string.Join(Environment.NewLine, Epochs) + Environment.NewLine + Outcome +
        (RestoredEpoch >= 0 ? $", weights of epoch {RestoredEpoch + 1} restored" : "");
}
