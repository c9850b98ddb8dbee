// What a tuner sees and does: past trials as points of the unit hypercube with a loss, and a proposal for the next.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>A trial's settings as unit coordinates, the rung it reached, and its loss there (lower is better; NaN = diverged).</summary>
internal sealed record TunerObservation(IReadOnlyList<double> Point, int Rung, double Loss);

/// <summary>Proposes the unit coordinates of the next trial's settings.</summary>
internal interface ITuner
{
    /// <summary>A point with one coordinate in [0, 1) per dimension.</summary>
    double[] Propose(IReadOnlyList<TunerObservation> observations);
}

/// <summary>Creates tuners.</summary>
internal static class Tuners
{
    public static ITuner Create(TunerKind kind, IReadOnlyList<ISearchDimension> dimensions, SeededRandom random) => kind switch
    {
        TunerKind.Random => new RandomTuner(dimensions.Count, random),
        TunerKind.TreeParzen => new TreeParzenTuner(dimensions, random),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown tuner; use TunerKind.Random or TunerKind.TreeParzen."),
    };
}

/// <summary>Every coordinate uniform in [0, 1).</summary>
internal sealed class RandomTuner(int dimensions, SeededRandom random) : ITuner
{
    public double[] Propose(IReadOnlyList<TunerObservation> observations)
    {
        var point = new double[dimensions];
        for (int d = 0; d < point.Length; d++) point[d] = random.NextDouble();
        return point;
    }
}
