// Asynchronous successive halving (ASHA, Li et al. 2018): when a worker is free it continues the best trial of the
// highest rung that has one to promote (a trial in the top 1/η of the trials recorded there, not yet promoted);
// otherwise a new trial starts at the first rung. Results arrive in any order; no rung waits to fill up.
namespace Microsoft.ML.Cnn.AutoML;

/// <summary>A trial chosen to continue from rung <see cref="FromRung"/> to the next.</summary>
internal readonly record struct Promotion(int Trial, int FromRung)
{
    public int ToRung => FromRung + 1;
}

/// <summary>The rung bookkeeping of ASHA: what each trial reached, and which trial continues next.</summary>
internal sealed class AsyncSuccessiveHalving
{
    private readonly List<(int Trial, double Metric)>[] _recorded;
    private readonly HashSet<int>[] _promoted;
    private readonly int _reductionFactor;
    private readonly bool _higherIsBetter;

    /// <param name="rungCount">Rungs, at least 1.</param>
    /// <param name="reductionFactor">η: the top 1/η of a rung may be promoted.</param>
    /// <param name="higherIsBetter">Whether larger metric values are better (accuracy) or smaller (log-loss).</param>
    public AsyncSuccessiveHalving(int rungCount, int reductionFactor, bool higherIsBetter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rungCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        _recorded = new List<(int, double)>[rungCount];
        _promoted = new HashSet<int>[rungCount];
        for (int r = 0; r < rungCount; r++) (_recorded[r], _promoted[r]) = ([], []);
        _reductionFactor = reductionFactor;
        _higherIsBetter = higherIsBetter;
    }

    public int RungCount => _recorded.Length;

    /// <summary>Records that <paramref name="trial"/> reached <paramref name="rung"/> with <paramref name="metric"/> (NaN ranks last).</summary>
    public void Record(int trial, int rung, double metric)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rung);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rung, RungCount);
        if (_recorded[rung].Exists(r => r.Trial == trial)) throw new InvalidOperationException($"Trial {trial} already reached rung {rung}.");
        _recorded[rung].Add((trial, metric));
    }

    /// <summary>
    /// The next trial to continue, from the highest rung below the top that has one, and marks it promoted; null when
    /// no rung has an unpromoted trial in its top ⌊n/η⌋ (n = trials recorded at that rung).
    /// </summary>
    public Promotion? NextPromotion()
    {
        for (int rung = RungCount - 2; rung >= 0; rung--)
        {
            var ranked = Ranked(rung);
            int promotable = ranked.Count / _reductionFactor;
            for (int i = 0; i < promotable; i++)
            {
                if (!_promoted[rung].Add(ranked[i])) continue;
                return new Promotion(ranked[i], rung);
            }
        }
        return null;
    }

    /// <summary>The trials recorded at <paramref name="rung"/>, best first; ties (and NaNs) in recording order.</summary>
    public IReadOnlyList<int> Ranked(int rung)
    {
        var entries = _recorded[rung];
        var order = new int[entries.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        // A stable sort by quality; NaN (a diverged trial) compares worst.
        Array.Sort(order, (a, b) => Compare(entries[a].Metric, entries[b].Metric) is var c and not 0 ? c : a.CompareTo(b));
        return order.Select(i => entries[i].Trial).ToArray();
    }

    private int Compare(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return double.IsNaN(a).CompareTo(double.IsNaN(b));
        return _higherIsBetter ? b.CompareTo(a) : a.CompareTo(b);
    }
}
