// Everything a training run is configured with, as typed objects, validated in one place.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Optimizers.Schedules;

namespace Microsoft.ML.Cnn.Training;

/// <summary>The settings of a <see cref="Trainer"/>. Defaults: softmax cross-entropy, Adam(1e-3), 10 epochs of batch 32.</summary>
public sealed class TrainerOptions
{
    /// <summary>The objective. Default: <see cref="SoftmaxCrossEntropyLoss"/>.</summary>
    public Loss Loss { get; init; } = new SoftmaxCrossEntropyLoss();

    /// <summary>The update rule and base learning rate. Default: Adam(1e-3). It keeps its state across runs; use one per network.</summary>
    public Optimizer Optimizer { get; init; } = new Adam();

    /// <summary>Passes over the training data. Default 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per step; the last batch of an epoch may be smaller. Default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Seeds shuffling and the validation split. Dropout masks are seeded by the network's dropout layers.</summary>
    public long Seed { get; init; }

    /// <summary>The per-epoch learning rate. Default: constant.</summary>
    public ILearningRateSchedule Schedule { get; init; } = new ConstantSchedule();

    /// <summary>
    /// Coupled L2 weight decay applied by the trainer to weight parameters (not biases or batch norm), as if set on
    /// the optimizer. Set it here or on the optimizer, not both. Default 0.
    /// </summary>
    public float WeightDecay { get; init; }

    /// <summary>Fraction of the training data held out (seeded) for validation when no validation data is passed to Fit. 0 for none.</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Stops when the monitored validation metric stops improving; null (default) trains every epoch.</summary>
    public EarlyStoppingOptions? EarlyStopping { get; init; }

    /// <summary>The backend to train on; null (default) creates one of <see cref="BackendKind"/> that the trainer owns and disposes.</summary>
    public IBackend? Backend { get; init; }

    /// <summary>The backend the trainer creates when <see cref="Backend"/> is null. Default: <see cref="Backends.BackendKind.Managed"/>.</summary>
    public BackendKind BackendKind { get; init; } = BackendKind.Managed;

    /// <summary>Threads of the backend the trainer creates; null for every core.</summary>
    public int? Threads { get; init; }

    /// <summary>Receives the trainer's log lines (which backend runs); null for none.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Reshuffle the training order every epoch (seeded). Default true.</summary>
    public bool ShuffleEachEpoch { get; init; } = true;

    /// <summary>Random flips and translations of training images (never of validation data); null for none.</summary>
    public ImageAugmentation? Augmentation { get; init; }

    /// <summary>Called on the training thread with each finished epoch's metrics (validation included); null for none.</summary>
    public Action<EpochMetrics>? EpochEnded { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting and how to fix it.</summary>
    public void Validate()
    {
        if (Loss is null) throw new ArgumentException("Loss is null; choose one, e.g. new SoftmaxCrossEntropyLoss().", nameof(Loss));
        if (Optimizer is null) throw new ArgumentException("Optimizer is null; choose one, e.g. new Adam(1e-3f).", nameof(Optimizer));
        if (Schedule is null) throw new ArgumentException("Schedule is null; use new ConstantSchedule() for a fixed learning rate.", nameof(Schedule));
        if (Epochs < 1) throw new ArgumentException($"Epochs is {Epochs}; train for at least 1 epoch.", nameof(Epochs));
        if (BatchSize < 1) throw new ArgumentException($"BatchSize is {BatchSize}; use at least 1, e.g. 32.", nameof(BatchSize));
        if (!(WeightDecay >= 0f) || float.IsInfinity(WeightDecay))
            throw new ArgumentException($"WeightDecay is {WeightDecay}; use a finite number >= 0, e.g. 5e-4.", nameof(WeightDecay));
        if (WeightDecay > 0f && Optimizer.WeightDecay > 0f)
            throw new ArgumentException($"Weight decay is set both here ({WeightDecay}) and on the optimizer ({Optimizer.WeightDecay}); set it in one place.", nameof(WeightDecay));
        if (!Enum.IsDefined(BackendKind)) throw new ArgumentException($"BackendKind {BackendKind} is not Auto, Managed or OneDnn.", nameof(BackendKind));
        if (Threads is < 1) throw new ArgumentException($"Threads is {Threads}; use at least 1, or null for every core.", nameof(Threads));
        if (!(ValidationFraction is >= 0 and < 1))
            throw new ArgumentException($"ValidationFraction is {ValidationFraction}; use a fraction in [0, 1), e.g. 0.1, or 0 for none.", nameof(ValidationFraction));
        EarlyStopping?.Validate();
    }
}

/// <summary>What early stopping watches.</summary>
public enum EarlyStoppingMonitor
{
    /// <summary>Validation loss; lower is better.</summary>
    ValidationLoss,
    /// <summary>Validation accuracy; higher is better.</summary>
    ValidationAccuracy,
}

/// <summary>
/// Stop training once <see cref="Monitor"/> has gone <see cref="Patience"/> consecutive epochs without improving by
/// more than <see cref="MinDelta"/> (Keras's EarlyStopping). Needs validation data (or a validation fraction).
/// </summary>
public sealed record EarlyStoppingOptions
{
    /// <summary>Consecutive epochs without improvement that stop training, &gt;= 1. Default 3.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Smallest change that counts as an improvement, &gt;= 0. Default 0.</summary>
    public double MinDelta { get; init; }

    /// <summary>The metric watched. Default: validation loss.</summary>
    public EarlyStoppingMonitor Monitor { get; init; } = EarlyStoppingMonitor.ValidationLoss;

    /// <summary>Leave the weights of the best epoch in the network when training ends (stopped or not). Default true.</summary>
    public bool RestoreBestWeights { get; init; } = true;

    internal void Validate()
    {
        if (Patience < 1) throw new ArgumentException($"EarlyStopping.Patience is {Patience}; use a number of epochs >= 1.", nameof(Patience));
        if (!(MinDelta >= 0)) throw new ArgumentException($"EarlyStopping.MinDelta is {MinDelta}; use a number >= 0.", nameof(MinDelta));
        if (!Enum.IsDefined(Monitor)) throw new ArgumentException($"EarlyStopping.Monitor {Monitor} is not a known metric.", nameof(Monitor));
    }
}
