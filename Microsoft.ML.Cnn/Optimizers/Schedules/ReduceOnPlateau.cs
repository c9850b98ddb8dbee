// Cuts the learning rate when the monitored loss stops improving (PyTorch's ReduceLROnPlateau, mode min, relative threshold 0).
namespace Microsoft.ML.Cnn.Optimizers.Schedules;

/// <summary>
/// Multiplies the learning rate by <see cref="Factor"/> when the monitored loss (validation loss, or training loss
/// without validation) has not improved by more than <see cref="MinDelta"/> for <see cref="Patience"/> epochs,
/// never going below <see cref="MinLearningRate"/>. The bad-epoch count restarts after each cut.
/// </summary>
public sealed class ReduceOnPlateau : ILearningRateSchedule
{
    private double _best = double.PositiveInfinity;
    private int _badEpochs;
    private double _scale = 1.0;

    /// <param name="factor">Multiplier applied at each cut, in (0, 1).</param>
    /// <param name="patience">Epochs without improvement tolerated before a cut, &gt;= 0.</param>
    /// <param name="minLearningRate">Floor of the learning rate, &gt;= 0.</param>
    /// <param name="minDelta">Smallest decrease of the loss that counts as an improvement, &gt;= 0.</param>
    public ReduceOnPlateau(float factor = 0.1f, int patience = 2, float minLearningRate = 0f, float minDelta = 0f)
    {
        if (!(factor is > 0f and < 1f)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be in (0, 1), e.g. 0.1.");
        if (patience < 0) throw new ArgumentOutOfRangeException(nameof(patience), patience, "Patience is a number of epochs >= 0.");
        if (!(minLearningRate >= 0f)) throw new ArgumentOutOfRangeException(nameof(minLearningRate), minLearningRate, "The minimum learning rate must be >= 0.");
        if (!(minDelta >= 0f)) throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "minDelta must be >= 0.");
        Factor = factor;
        Patience = patience;
        MinLearningRate = minLearningRate;
        MinDelta = minDelta;
    }

    public float Factor { get; }

    public int Patience { get; }

    public float MinLearningRate { get; }

    public float MinDelta { get; }

    public float LearningRate(int epoch, float baseLearningRate) => Math.Max(MinLearningRate, (float)(baseLearningRate * _scale));

    public void EpochEnded(int epoch, double monitoredLoss)
    {
        // NOTE: a NaN loss (divergence) compares false, so it counts as an epoch without improvement.
        if (monitoredLoss < _best - MinDelta)
        {
            _best = monitoredLoss;
            _badEpochs = 0;
            return;
        }
        if (++_badEpochs > Patience)
        {
            _scale *= Factor;
            _badEpochs = 0;
        }
    }

    public void Reset()
    {
        _best = double.PositiveInfinity;
        _badEpochs = 0;
        _scale = 1.0;
    }

    public override string ToString() => $"reduce on plateau (x{Factor} after {Patience} epochs, min {MinLearningRate})";
}
