// The epoch budget of an experiment: successive halving's rungs (ASHA, Li et al. 2018) from the smallest to the
// largest number of epochs a trial trains, growing by the reduction factor.
namespace Microsoft.ML.Cnn.AutoML;

/// <summary>
/// Rungs at <see cref="MinEpochs"/> × <see cref="ReductionFactor"/>^k epochs below <see cref="MaxEpochs"/>, then
/// <see cref="MaxEpochs"/>: the defaults give rungs at 1, 3 and 9 epochs. Every trial trains to the first rung; a
/// trial among the best 1/<see cref="ReductionFactor"/> of the trials that reached a rung continues (from its
/// weights) to the next one.
/// </summary>
public sealed record SuccessiveHalvingOptions
{
    /// <summary>Epochs of the first rung, at least 1. Default 1.</summary>
    public int MinEpochs { get; init; } = 1;

    /// <summary>Epochs of the last rung, at least <see cref="MinEpochs"/>. Default 9.</summary>
    public int MaxEpochs { get; init; } = 9;

    /// <summary>η: how many times more epochs each rung trains, and the share (1/η) of a rung promoted. At least 2. Default 3.</summary>
    public int ReductionFactor { get; init; } = 3;

    /// <summary>
    /// A new trial whose first rung is projected, from the pace of its first batches, to take more than this share of
    /// <see cref="ExperimentSettings.MaxExperimentTimeInSeconds"/> is abandoned (<see cref="TrialStatus.TooSlow"/>) and
    /// counted as a failure by the tuner, so one oversized network cannot spend a short budget alone. In (0, 1]. Default 0.1.
    /// </summary>
    public double MaxFirstRungTimeShare { get; init; } = 0.1;

    /// <summary>The epochs at each rung, increasing, e.g. [1, 3, 9].</summary>
    public IReadOnlyList<int> RungEpochs
    {
        get
        {
            Validate();
            var rungs = new List<int>();
            for (long epochs = MinEpochs; epochs < MaxEpochs; epochs *= ReductionFactor) rungs.Add((int)epochs);
            rungs.Add(MaxEpochs);
            return rungs;
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    internal void Validate()
    {
        if (MinEpochs < 1) throw new ArgumentException($"SuccessiveHalving.MinEpochs is {MinEpochs}; train at least 1 epoch before the first comparison.", nameof(MinEpochs));
        if (MaxEpochs < MinEpochs) throw new ArgumentException($"SuccessiveHalving.MaxEpochs ({MaxEpochs}) is below MinEpochs ({MinEpochs}); raise it, e.g. to {MinEpochs * 9}.", nameof(MaxEpochs));
        if (ReductionFactor < 2) throw new ArgumentException($"SuccessiveHalving.ReductionFactor is {ReductionFactor}; use at least 2 (3 is usual).", nameof(ReductionFactor));
        if (!(MaxFirstRungTimeShare > 0 && MaxFirstRungTimeShare <= 1))
            throw new ArgumentException($"SuccessiveHalving.MaxFirstRungTimeShare is {MaxFirstRungTimeShare}; use a share in (0, 1], e.g. 0.1, or 1 to let a first rung take the whole budget.", nameof(MaxFirstRungTimeShare));
    }
}
