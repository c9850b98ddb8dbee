// One dimension of a Parzen estimator in [0, 1): a Gaussian kernel at each observed coordinate plus a uniform prior
// (as in Optuna's TPE), or smoothed frequencies for a choice's categories.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>A density over [0, 1) estimated from a few coordinates, that can be sampled.</summary>
internal sealed class ParzenDensity
{
    private readonly double[] _points;
    private readonly int? _categories;
    private readonly double[] _categoryProbability = [];
    private readonly double _bandwidth;

    /// <param name="points">Observed coordinates in [0, 1) (may be empty: the density is then uniform).</param>
    /// <param name="categories">The number of categories of a choice (each owns an equal share of [0, 1)); null for a range.</param>
    public ParzenDensity(double[] points, int? categories)
    {
        _points = points;
        _categories = categories;
        if (categories is { } k)
        {
            // Laplace smoothing: every category keeps a chance, observed ones gain.
            _categoryProbability = new double[k];
            for (int c = 0; c < k; c++) _categoryProbability[c] = 1.0 / (points.Length + k);
            foreach (double p in points) _categoryProbability[CategoryOf(p, k)] += 1.0 / (points.Length + k);
            return;
        }
        // Silverman's rule of thumb, bounded so a few identical points still leave room to explore.
        double mean = points.Length == 0 ? 0.5 : points.Average();
        double spread = points.Length < 2 ? 0.5 : Math.Sqrt(points.Sum(p => (p - mean) * (p - mean)) / (points.Length - 1));
        _bandwidth = Math.Clamp(1.06 * spread * Math.Pow(Math.Max(points.Length, 1), -0.2), 0.05, 0.5);
    }

    /// <summary>The density at <paramref name="x"/> (for a choice: its category's probability times the category count).</summary>
    public double Density(double x)
    {
        if (_categories is { } k) return _categoryProbability[CategoryOf(x, k)] * k;
        // Mixture of the uniform prior and one kernel per point, equally weighted.
        double sum = 1.0;
        foreach (double p in _points)
        {
            double z = (x - p) / _bandwidth;
            sum += Math.Exp(-0.5 * z * z) / (_bandwidth * Math.Sqrt(2 * Math.PI));
        }
        return sum / (_points.Length + 1);
    }

    /// <summary>A coordinate drawn from the density.</summary>
    public double Sample(SeededRandom random)
    {
        if (_categories is { } k)
        {
            double u = random.NextDouble();
            int category = 0;
            for (; category < k - 1; category++)
            {
                u -= _categoryProbability[category];
                if (u < 0) break;
            }
            return (category + random.NextDouble()) / k;
        }
        int component = random.NextInt(_points.Length + 1);
        if (component == _points.Length) return random.NextDouble();
        double x = _points[component] + _bandwidth * random.NextGaussian();
        // Reflect at the edges so the draw stays in [0, 1) without piling up on a bound.
        while (x < 0 || x >= 1) x = x < 0 ? -x : 2 - x - 1e-12;
        return x;
    }

    private static int CategoryOf(double x, int categories) => Math.Clamp((int)(x * categories), 0, categories - 1);
}
