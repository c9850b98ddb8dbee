// UniformIntOption: decoded values stay in [min, max], reach both ends, and share the unit interval equally.
using Microsoft.ML.Cnn.AutoML;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class UniformIntOptionTests
{
    [TestMethod]
    [DataRow(1, 3, false)]
    [DataRow(16, 512, true)]
    [DataRow(5, 5, false)]
    public void Decode_AnyCoordinate_StaysInRangeAndReachesBothEnds(int min, int max, bool logBase)
    {
        var option = new UniformIntOption(min, max, logBase);
        var values = Units.Draw(2000).Select(option.Decode).ToArray();

        Assert.IsTrue(values.All(v => v >= min && v <= max));
        Assert.AreEqual(min, values.Min());
        Assert.AreEqual(max, values.Max());
        Assert.AreEqual(min, option.Decode(0));
        Assert.AreEqual(max, option.Decode(1));
    }

    [TestMethod]
    public void Decode_Linear_GivesEachValueAnEqualShare()
    {
        var option = new UniformIntOption(1, 3);
        var counts = Units.Draw(3000).GroupBy(option.Decode).ToDictionary(g => g.Key, g => g.Count());

        foreach (int value in new[] { 1, 2, 3 }) Assert.AreEqual(1000, counts[value], 100);
    }

    [TestMethod]
    public void Decode_Log_GivesEachFactorAnEqualShare()
    {
        var option = new UniformIntOption(1, 99, logBase: true);
        var values = Units.Draw(4000).Select(option.Decode).ToArray();

        // [1, 10) and [10, 100) are equally likely.
        Assert.AreEqual(0.5, values.Count(v => v < 10) / 4000.0, 0.03);
    }

    [TestMethod]
    public void Constructor_InvalidRange_ThrowsWithTheProblem()
    {
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new UniformIntOption(3, 1)).Message, "empty");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new UniformIntOption(0, 4, logBase: true)).Message, "min > 0");
        Assert.AreEqual("[16, 512] log", new UniformIntOption(16, 512, logBase: true).ToString());
    }
}
