// Schedules that depend on the epoch only: step, exponential and cosine decay (with optional linear warm-up).
namespace Microsoft.ML.Cnn.Optimizers.Schedules;

/// <summary>lr = base * gamma^floor(epoch / stepEpochs) (PyTorch's StepLR).</summary>
public sealed class StepDecay : ILearningRateSchedule
{
    /// <param name="stepEpochs">Epochs between decays, &gt;= 1.</param>
    /// <param name="gamma">Factor applied at each decay, in (0, 1].</param>
    public StepDecay(int stepEpochs, float gamma = 0.1f)
    {
        if (stepEpochs < 1) throw new ArgumentOutOfRangeException(nameof(stepEpochs), stepEpochs, "Decay every 1 or more epochs.");
        if (!(gamma is > 0f and <= 1f)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be in (0, 1], e.g. 0.1.");
        StepEpochs = stepEpochs;
        Gamma = gamma;
    }

    public int StepEpochs { get; }

    public float Gamma { get; }

    public float LearningRate(int epoch, float baseLearningRate) => (float)(baseLearningRate * Math.Pow(Gamma, epoch / StepEpochs));

    public override string ToString() => $"step decay (every {StepEpochs} epochs x{Gamma})";
}

/// <summary>lr = base * gamma^epoch (PyTorch's ExponentialLR).</summary>
public sealed class ExponentialDecay : ILearningRateSchedule
{
    /// <param name="gamma">Factor per epoch, in (0, 1].</param>
    public ExponentialDecay(float gamma)
    {
        if (!(gamma is > 0f and <= 1f)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be in (0, 1], e.g. 0.95.");
        Gamma = gamma;
    }

    public float Gamma { get; }

    public float LearningRate(int epoch, float baseLearningRate) => (float)(baseLearningRate * Math.Pow(Gamma, epoch));

    public override string ToString() => $"exponential decay (x{Gamma} per epoch)";
}

/// <summary>
/// Linear warm-up from base/warmup to base over the first <see cref="WarmupEpochs"/> epochs, then cosine annealing:
/// lr = min + (base - min)(1 + cos(pi e / E)) / 2 with e the epochs since warm-up and E = totalEpochs - warmupEpochs
/// (PyTorch's CosineAnnealingLR sampled per epoch). Epochs at or beyond <see cref="TotalEpochs"/> get the minimum.
/// </summary>
public sealed class CosineDecay : ILearningRateSchedule
{
    /// <param name="totalEpochs">Epochs the schedule spans, warm-up included.</param>
    /// <param name="minLearningRate">The rate reached at the end, &gt;= 0.</param>
    /// <param name="warmupEpochs">Epochs of linear warm-up, 0 for none; less than <paramref name="totalEpochs"/>.</param>
    public CosineDecay(int totalEpochs, float minLearningRate = 0f, int warmupEpochs = 0)
    {
        if (totalEpochs < 1) throw new ArgumentOutOfRangeException(nameof(totalEpochs), totalEpochs, "The schedule must span at least 1 epoch.");
        if (!(minLearningRate >= 0f) || float.IsInfinity(minLearningRate))
            throw new ArgumentOutOfRangeException(nameof(minLearningRate), minLearningRate, "The minimum learning rate must be a finite number >= 0.");
        if (warmupEpochs < 0 || warmupEpochs >= totalEpochs)
            throw new ArgumentOutOfRangeException(nameof(warmupEpochs), warmupEpochs, $"Warm-up epochs must be in [0, {totalEpochs}) for {totalEpochs} total epochs.");
        TotalEpochs = totalEpochs;
        MinLearningRate = minLearningRate;
        WarmupEpochs = warmupEpochs;
    }

    public int TotalEpochs { get; }

    public float MinLearningRate { get; }

    public int WarmupEpochs { get; }

    public float LearningRate(int epoch, float baseLearningRate)
    {
        if (epoch < WarmupEpochs) return baseLearningRate * (epoch + 1) / (WarmupEpochs + 1);
        if (epoch >= TotalEpochs) return MinLearningRate;
        double progress = (double)(epoch - WarmupEpochs) / (TotalEpochs - WarmupEpochs);
        return (float)(MinLearningRate + (baseLearningRate - MinLearningRate) * (1 + Math.Cos(Math.PI * progress)) / 2);
    }

    public override string ToString() => $"cosine decay over {TotalEpochs} epochs to {MinLearningRate}" + (WarmupEpochs > 0 ? $", {WarmupEpochs} warm-up" : "");
}
