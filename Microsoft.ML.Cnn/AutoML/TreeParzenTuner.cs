// The model-based tuner: a tree-structured Parzen estimator (TPE) over the unit hypercube. The results of one rung
// are split into the best quarter ("good") and the rest; candidates are drawn from the good density l(x) and the one
// with the highest l(x)/g(x) is proposed. Dimensions are modelled independently, as in the original TPE.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>
/// TPE fitted on the highest rung that has at least <see cref="StartupTrials"/> results, with BOHB's constants
/// (Falkner et al. 2018): that many results is one more than the dimensions, and a third of the proposals stay random.
/// </summary>
internal sealed class TreeParzenTuner(IReadOnlyList<ISearchDimension> dimensions, SeededRandom random) : ITuner
{
    /// <summary>Results a rung needs before the model is used (the dimensions plus one); until then proposals are random.</summary>
    public int StartupTrials { get; } = dimensions.Count + 1;

    /// <summary>Candidates drawn from the good density per proposal.</summary>
    public const int Candidates = 24;

    /// <summary>The share of a rung's results counted as good.</summary>
    public const double GoodFraction = 0.25;

    /// <summary>The share of proposals kept random after start-up, so the search never stops exploring.</summary>
    public const double RandomFraction = 1.0 / 3;

    private readonly RandomTuner _random = new(dimensions.Count, random);

    public double[] Propose(IReadOnlyList<TunerObservation> observations)
    {
        var fitted = HighestRungWithEnoughResults(observations);
        if (fitted is null || random.NextDouble() < RandomFraction) return _random.Propose(observations);

        // Best first; a diverged trial (NaN) is worst. Ties keep their order, so proposals are reproducible.
        var ranked = fitted.Select((o, i) => (o, i)).OrderBy(x => double.IsNaN(x.o.Loss) ? double.PositiveInfinity : x.o.Loss).ThenBy(x => x.i).Select(x => x.o.Point).ToArray();
        int goodCount = Math.Max(1, (int)Math.Ceiling(GoodFraction * ranked.Length));
        var good = ranked[..goodCount];
        var bad = ranked[goodCount..];
        var goodDensities = new ParzenDensity[dimensions.Count];
        var badDensities = new ParzenDensity[dimensions.Count];
        for (int d = 0; d < dimensions.Count; d++)
        {
            goodDensities[d] = new ParzenDensity(Column(good, d), dimensions[d].Categories);
            badDensities[d] = new ParzenDensity(Column(bad, d), dimensions[d].Categories);
        }

        double[]? best = null;
        double bestScore = double.NegativeInfinity;
        for (int c = 0; c < Candidates; c++)
        {
            var candidate = new double[dimensions.Count];
            double score = 0;
            for (int d = 0; d < candidate.Length; d++)
            {
                candidate[d] = goodDensities[d].Sample(random);
                score += Math.Log(goodDensities[d].Density(candidate[d])) - Math.Log(badDensities[d].Density(candidate[d]));
            }
            if (score > bestScore) (best, bestScore) = (candidate, score);
        }
        return best!;
    }

    private IReadOnlyList<TunerObservation>? HighestRungWithEnoughResults(IReadOnlyList<TunerObservation> observations)
    {
        for (int rung = observations.Count == 0 ? -1 : observations.Max(o => o.Rung); rung >= 0; rung--)
        {
            var atRung = observations.Where(o => o.Rung == rung).ToArray();
            if (atRung.Length >= StartupTrials) return atRung;
        }
        return null;
    }

    private static double[] Column(IReadOnlyList<double>[] points, int dimension) => points.Select(p => p[dimension]).ToArray();
}
