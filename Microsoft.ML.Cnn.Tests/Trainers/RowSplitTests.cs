// The hashed validation split: about the requested share, complementary sides, fixed by the seed.
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class RowSplitTests
{
    [TestMethod]
    [DataRow(0.1)]
    [DataRow(0.5)]
    public void Keeps_ManyRows_HoldsOutAboutTheFractionOnExactlyOneSide(double fraction)
    {
        var validation = new RowSplit(fraction, Seed: 42, Validation: true);

        int heldOut = Enumerable.Range(0, 10_000).Count(i => validation.Keeps(i));

        Assert.AreEqual(fraction * 10_000, heldOut, 0.05 * 10_000);
        Assert.IsTrue(Enumerable.Range(0, 1000).All(i => validation.Keeps(i) != validation.Other.Keeps(i)));
        Assert.AreEqual(1 - fraction, validation.Other.Share, 1e-12);
    }

    [TestMethod]
    public void Keeps_AnotherSeed_ChoosesOtherRows()
    {
        var a = new RowSplit(0.3, Seed: 1, Validation: true);
        var b = new RowSplit(0.3, Seed: 2, Validation: true);

        Assert.IsTrue(Enumerable.Range(0, 100).Any(i => a.Keeps(i) != b.Keeps(i)));
        Assert.IsTrue(Enumerable.Range(0, 100).All(i => a.Keeps(i) == new RowSplit(0.3, 1, true).Keeps(i)));
    }
}
