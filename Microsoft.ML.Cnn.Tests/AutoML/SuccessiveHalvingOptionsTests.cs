// The rungs successive halving compares trials at, and invalid settings.
using Microsoft.ML.Cnn.AutoML;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class SuccessiveHalvingOptionsTests
{
    [TestMethod]
    [DataRow(1, 9, 3, new[] { 1, 3, 9 })]
    [DataRow(1, 27, 3, new[] { 1, 3, 9, 27 })]
    [DataRow(2, 20, 3, new[] { 2, 6, 18, 20 })]
    [DataRow(1, 8, 2, new[] { 1, 2, 4, 8 })]
    [DataRow(5, 5, 3, new[] { 5 })]
    public void RungEpochs_GrowByTheFactorUpToMaxEpochs(int min, int max, int factor, int[] expected)
    {
        var options = new SuccessiveHalvingOptions { MinEpochs = min, MaxEpochs = max, ReductionFactor = factor };

        CollectionAssert.AreEqual(expected, options.RungEpochs.ToArray());
    }

    [TestMethod]
    public void RungEpochs_InvalidSettings_ThrowNamingTheSetting()
    {
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new SuccessiveHalvingOptions { MinEpochs = 0 }.RungEpochs).Message, "MinEpochs");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new SuccessiveHalvingOptions { MinEpochs = 4, MaxEpochs = 3 }.RungEpochs).Message, "MaxEpochs");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new SuccessiveHalvingOptions { ReductionFactor = 1 }.RungEpochs).Message, "ReductionFactor");
    }
}
