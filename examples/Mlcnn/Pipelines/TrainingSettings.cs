// The trainer options of `mlcnn train` as one record (enums, no strings), validated with messages that name the
// options, and turned into the library's CnnMulticlassTrainer.Options.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Optimizers.Schedules;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Mlcnn.Pipelines;

/// <summary>The update rules --optimizer offers.</summary>
internal enum OptimizerKind { Adam, AdamW, Sgd, RmsProp }

/// <summary>The per-epoch learning-rate schedules --schedule offers.</summary>
internal enum ScheduleKind { Constant, Cosine, Step, Exponential, Plateau }

/// <summary>Everything `mlcnn train` passes to the trainer.</summary>
internal sealed record TrainingSettings
{
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 32;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Null for the optimizer's usual rate (1e-3; SGD 1e-2).</summary>
    public float? LearningRate { get; init; }

    /// <summary>The rate training uses: <see cref="LearningRate"/> or the optimizer's usual one.</summary>
    public float EffectiveLearningRate => LearningRate ?? (Optimizer == OptimizerKind.Sgd ? 1e-2f : 1e-3f);
    public float Momentum { get; init; } = 0.9f;
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Constant;
    public int WarmupEpochs { get; init; }

    /// <summary>Decoupled for AdamW, coupled L2 for the others.</summary>
    public float WeightDecay { get; init; }
    public float ValidationFraction { get; init; }

    /// <summary>Epochs without validation improvement that stop training; 0 for none.</summary>
    public int EarlyStoppingPatience { get; init; }
    public bool Flip { get; init; }
    public int CropPadding { get; init; }
    public float TranslateFraction { get; init; }
    public int Seed { get; init; } = 1;
    public BackendKind Backend { get; init; } = BackendKind.Auto;
    public int? Threads { get; init; }

    /// <summary>Checks what the option parser cannot: ranges and combinations.</summary>
    /// <exception cref="UsageException">Names the option and a valid value.</exception>
    public void Validate(bool hasValidationData)
    {
        Require(Epochs >= 1, $"--epochs {Epochs}: train for at least 1 epoch.");
        Require(BatchSize >= 1, $"--batch-size {BatchSize}: use at least 1 image per step, e.g. 32.");
        Require(LearningRate is null || (LearningRate > 0 && float.IsFinite(LearningRate.Value)), $"--learning-rate {LearningRate}: use a positive number, e.g. 0.001.");
        Require(Momentum is >= 0f and < 1f, $"--momentum {Momentum}: use a value in [0, 1), e.g. 0.9.");
        Require(WarmupEpochs >= 0 && WarmupEpochs < Epochs, $"--warmup-epochs {WarmupEpochs}: use 0 to {Epochs - 1} (fewer than --epochs).");
        Require(WarmupEpochs == 0 || Schedule == ScheduleKind.Cosine, "--warmup-epochs goes with --schedule cosine.");
        Require(WeightDecay >= 0 && float.IsFinite(WeightDecay), $"--weight-decay {WeightDecay}: use a number >= 0, e.g. 0.0005.");
        Require(ValidationFraction is >= 0f and < 1f, $"--validation-fraction {ValidationFraction}: use a share in [0, 1), e.g. 0.1.");
        Require(EarlyStoppingPatience >= 0, $"--early-stopping {EarlyStoppingPatience}: give the patience in epochs, e.g. 3.");
        Require(EarlyStoppingPatience == 0 || hasValidationData, "--early-stopping watches validation loss: add --validation-fraction (e.g. 0.1) or --test DATA.");
        Require(Schedule != ScheduleKind.Plateau || hasValidationData, "--schedule plateau watches validation loss: add --validation-fraction (e.g. 0.1) or --test DATA.");
        Require(CropPadding >= 0, $"--crop {CropPadding}: give the padding in pixels, e.g. 4.");
        Require(TranslateFraction is >= 0f and < 1f, $"--translate {TranslateFraction}: give the largest shift as a fraction of the size, in [0, 1), e.g. 0.1.");
        Require(Threads is null or >= 1, $"--threads {Threads}: use at least 1.");
    }

    /// <summary>The trainer options for these settings (validation data and progress are set by the caller).</summary>
    public CnnMulticlassTrainer.Options ToTrainerOptions(CnnArchitecture architecture)
    {
        float rate = EffectiveLearningRate;
        return new CnnMulticlassTrainer.Options
        {
            Architecture = architecture,
            MaxEpoch = Epochs,
            BatchSize = BatchSize,
            Optimizer = Optimizer switch
            {
                OptimizerKind.Adam => new Adam(rate),
                OptimizerKind.AdamW => new AdamW(rate, decoupledWeightDecay: WeightDecay),
                OptimizerKind.Sgd => new Sgd(rate, Momentum),
                _ => new RmsProp(rate),
            },
            WeightDecay = Optimizer == OptimizerKind.AdamW ? 0f : WeightDecay,
            LearningRateSchedule = Schedule switch
            {
                ScheduleKind.Constant => new ConstantSchedule(),
                ScheduleKind.Cosine => new CosineDecay(Epochs, minLearningRate: rate * 1e-2f, warmupEpochs: WarmupEpochs),
                ScheduleKind.Step => new StepDecay(Math.Max(1, Epochs / 3)),
                ScheduleKind.Exponential => new ExponentialDecay(0.9f),
                _ => new ReduceOnPlateau(),
            },
            EarlyStopping = EarlyStoppingPatience > 0 ? new EarlyStoppingOptions { Patience = EarlyStoppingPatience } : null,
            Seed = Seed,
            Backend = Backend,
            NumberOfThreads = Threads,
        };
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new UsageException(message);
    }
}
