// The one-dimensional Parzen estimator: it integrates to about one, peaks at its points, samples inside [0, 1), and
// smooths category frequencies.
using Microsoft.ML.Cnn.AutoML;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class ParzenDensityTests
{
    [TestMethod]
    public void Density_Range_PeaksAtThePointsAndIntegratesToAboutOne()
    {
        var density = new ParzenDensity([0.2, 0.25, 0.3], categories: null);

        double integral = Enumerable.Range(0, 1000).Sum(i => density.Density((i + 0.5) / 1000)) / 1000;
        Assert.AreEqual(1.0, integral, 0.15, "the kernels' tails outside [0, 1) are lost");
        Assert.IsGreaterThan(density.Density(0.8), density.Density(0.25));
    }

    [TestMethod]
    public void Density_NoPoints_IsUniform()
    {
        var density = new ParzenDensity([], categories: null);

        Assert.AreEqual(1.0, density.Density(0.1), 1e-12);
        Assert.AreEqual(1.0, density.Density(0.9), 1e-12);
    }

    [TestMethod]
    public void Density_Categories_LaplaceSmoothedFrequencies()
    {
        // Two points in category 1 of 3: probabilities (1, 3, 1)/5, densities times 3.
        var density = new ParzenDensity([0.4, 0.5], categories: 3);

        Assert.AreEqual(3 * 1 / 5.0, density.Density(0.1), 1e-12);
        Assert.AreEqual(3 * 3 / 5.0, density.Density(0.5), 1e-12);
    }

    [TestMethod]
    public void Sample_RangeAndCategories_StayInTheUnitIntervalNearThePoints()
    {
        var random = new SeededRandom(1);
        var range = new ParzenDensity([0.95, 0.97], categories: null);
        var choice = new ParzenDensity([0.1, 0.1, 0.1, 0.1], categories: 2);

        var draws = Enumerable.Range(0, 500).Select(_ => range.Sample(random)).ToArray();
        var categories = Enumerable.Range(0, 500).Select(_ => choice.Sample(random)).ToArray();

        Assert.IsTrue(draws.All(x => x is >= 0 and < 1));
        Assert.IsGreaterThan(0.5, draws.Count(x => x > 0.8) / 500.0);
        Assert.AreEqual(5 / 6.0, categories.Count(x => x < 0.5) / 500.0, 0.05);
    }
}
