// The model-based tuner: random until a rung has enough results, then proposals concentrate where the good results
// are (on ranges and on choices), reproducibly for a seed.
using Microsoft.ML.Cnn.AutoML;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class TreeParzenTunerTests
{
    private sealed record Dimension(int? Categories) : ISearchDimension;

    /// <summary>Runs <paramref name="trials"/> proposals, each observed at rung 0 with <paramref name="loss"/>.</summary>
    private static List<TunerObservation> Search(ITuner tuner, Func<double[], double> loss, int trials)
    {
        var observations = new List<TunerObservation>();
        for (int i = 0; i < trials; i++)
        {
            var point = tuner.Propose(observations);
            observations.Add(new TunerObservation(point, 0, loss(point)));
        }
        return observations;
    }

    [TestMethod]
    public void Propose_ContinuousOptimumAt08_LaterProposalsClusterNearIt()
    {
        var tuner = new TreeParzenTuner([new Dimension(null)], new SeededRandom(1));

        var observations = Search(tuner, p => Math.Abs(p[0] - 0.8), 60);

        var late = observations.Skip(30).Select(o => o.Point[0]).ToArray();
        double nearShare = late.Count(x => Math.Abs(x - 0.8) < 0.15) / (double)late.Length;
        Assert.IsGreaterThan(0.5, nearShare, "a random search would put 30% there");
    }

    [TestMethod]
    public void Propose_BestCategory_IsProposedMostOften()
    {
        var tuner = new TreeParzenTuner([new Dimension(4), new Dimension(null)], new SeededRandom(2));

        // Category 2 (coordinates in [0.5, 0.75)) is best whatever the second coordinate.
        var observations = Search(tuner, p => (int)(p[0] * 4) == 2 ? 0.1 + p[1] * 0.1 : 1 + p[1], 50);

        double share = observations.Skip(tuner.StartupTrials).Count(o => (int)(o.Point[0] * 4) == 2) / (50.0 - tuner.StartupTrials);
        Assert.IsGreaterThan(0.5, share, "a random search would propose it a quarter of the time");
    }

    [TestMethod]
    public void Propose_BeforeEnoughResults_IsUniformAndInRange()
    {
        var tuner = new TreeParzenTuner([new Dimension(null), new Dimension(3)], new SeededRandom(3));
        var random = new RandomTuner(2, new SeededRandom(3));

        var observations = Search(tuner, p => p[0], tuner.StartupTrials - 1);

        // Without a model the tuner draws exactly what the random tuner draws from the same seed.
        var expected = Search(random, p => p[0], tuner.StartupTrials - 1);
        for (int i = 0; i < observations.Count; i++) CollectionAssert.AreEqual(expected[i].Point.ToArray(), observations[i].Point.ToArray());
        Assert.IsTrue(observations.All(o => o.Point.All(x => x is >= 0 and < 1)));
    }

    [TestMethod]
    public void StartupTrials_OneMoreThanTheDimensions()
    {
        Assert.AreEqual(13, new TreeParzenTuner(new CnnSearchSpace().Dimensions, new SeededRandom(1)).StartupTrials);
    }

    [TestMethod]
    public void Propose_UsesTheHighestRungWithEnoughResults()
    {
        var tuner = new TreeParzenTuner([new Dimension(null)], new SeededRandom(4));
        // Rung 0 says low x is good; rung 1 (longer training, ten results) says high x is: the higher rung decides.
        var observations = new List<TunerObservation>();
        for (int i = 0; i < 30; i++) observations.Add(new TunerObservation([i / 30.0], 0, i / 30.0));
        for (int i = 0; i < 10; i++) observations.Add(new TunerObservation([i / 10.0], 1, 1 - i / 10.0));

        var proposals = Enumerable.Range(0, 40).Select(_ => tuner.Propose(observations)[0]).ToArray();

        Assert.IsGreaterThan(0.5, proposals.Average());
    }

    [TestMethod]
    public void Propose_DivergedTrials_CountAsWorst()
    {
        var tuner = new TreeParzenTuner([new Dimension(null)], new SeededRandom(5));
        var observations = new List<TunerObservation>();
        for (int i = 0; i < 20; i++) observations.Add(new TunerObservation([i / 20.0], 0, i < 10 ? double.NaN : 1.0 - i / 40.0));

        var proposals = Enumerable.Range(0, 40).Select(_ => tuner.Propose(observations)[0]).ToArray();

        Assert.IsGreaterThan(0.5, proposals.Count(x => x >= 0.5) / 40.0, "the NaN half is avoided");
    }

    [TestMethod]
    public void Propose_SameSeed_SameProposals()
    {
        List<TunerObservation> Run() => Search(new TreeParzenTuner([new Dimension(null), new Dimension(2)], new SeededRandom(6)), p => p[0] + p[1], 25);

        var (a, b) = (Run(), Run());

        for (int i = 0; i < a.Count; i++) CollectionAssert.AreEqual(a[i].Point.ToArray(), b[i].Point.ToArray());
    }
}
