// Running minimum and maximum: NaN never moves a bound, infinities do.
using Microsoft.ML.Cnn.Transforms.Normalizers;

namespace Microsoft.ML.Cnn.Tests.Transforms.Normalizers;

[TestClass]
public sealed class MinMaxStatisticsTests
{
    [TestMethod]
    public void Add_WithNaNAndInfinity_NaNIgnored()
    {
        var statistics = new MinMaxStatistics(3);
        statistics.Add([2f, float.NaN, 1f]);
        statistics.Add([-1f, float.NaN, float.PositiveInfinity]);
        CollectionAssert.AreEqual(new[] { -1f, float.PositiveInfinity, 1f }, statistics.Min);
        CollectionAssert.AreEqual(new[] { 2f, float.NegativeInfinity, float.PositiveInfinity }, statistics.Max);
    }
}
