// UniformSingleOption: values stay in [min, max]; a log range is uniform in the logarithm.
using Microsoft.ML.Cnn.AutoML;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class UniformSingleOptionTests
{
    [TestMethod]
    public void Decode_Log_IsUniformInTheLogarithm()
    {
        var option = new UniformSingleOption(1e-4f, 1e-2f, logBase: true);
        var values = Units.Draw(4000).Select(option.Decode).ToArray();

        Assert.IsTrue(values.All(v => v >= 1e-4f && v <= 1e-2f));
        // Half of the draws fall below the geometric midpoint 1e-3, a quarter below 10^-3.5.
        Assert.AreEqual(0.5, values.Count(v => v < 1e-3f) / 4000.0, 0.03);
        Assert.AreEqual(0.25, values.Count(v => v < 3.1623e-4f) / 4000.0, 0.03);
        Assert.AreEqual(1e-3f, option.Decode(0.5), 1e-6f);
    }

    [TestMethod]
    public void Decode_Linear_IsUniformAndClampsOutOfRangeCoordinates()
    {
        var option = new UniformSingleOption(0f, 0.5f);
        var values = Units.Draw(4000).Select(option.Decode).ToArray();

        Assert.IsTrue(values.All(v => v is >= 0f and <= 0.5f));
        Assert.AreEqual(0.25, values.Average(), 0.01);
        Assert.AreEqual(0f, option.Decode(-1));
        Assert.AreEqual(0f, option.Decode(double.NaN));
        Assert.AreEqual(0.5f, option.Decode(2), 1e-6f);
    }

    [TestMethod]
    public void Constructor_InvalidRange_ThrowsWithTheProblem()
    {
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new UniformSingleOption(0f, 1f, logBase: true)).Message, "min > 0");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new UniformSingleOption(0f, float.NaN)).Message, "finite");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new UniformSingleOption(1f, 0f));
        Assert.AreEqual("[0.0001, 0.01] log", new UniformSingleOption(1e-4f, 1e-2f, logBase: true).ToString());
    }
}
