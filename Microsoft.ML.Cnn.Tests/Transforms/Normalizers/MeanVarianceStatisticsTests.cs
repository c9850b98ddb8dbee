// The streaming statistics behind the normalizers: Welford's update stays exact where a naive sum of squares in
// float would lose everything, and NaN/infinity are skipped.
using Microsoft.ML.Cnn.Transforms.Normalizers;

namespace Microsoft.ML.Cnn.Tests.Transforms.Normalizers;

[TestClass]
public sealed class MeanVarianceStatisticsTests
{
    [TestMethod]
    public void Add_LargeOffsetSmallSpread_VarianceExact()
    {
        // 1e6 + {0, 0.25, 0.5, 0.75}, repeated: variance 0.25^2 * 1.25 = 0.078125 (float sum of squares near 4e12 would round it away).
        var statistics = new MeanVarianceStatistics(1);
        for (int repeat = 0; repeat < 1000; repeat++)
            for (int k = 0; k < 4; k++) statistics.Add(0, 1_000_000f + 0.25f * k);
        Assert.AreEqual(1_000_000.375, statistics.Mean(0), 1e-9);
        Assert.AreEqual(0.078125, statistics.Variance(0), 1e-9);
        Assert.AreEqual(4000L, statistics.Count(0));
    }

    [TestMethod]
    public void Add_NonFinite_Skipped()
    {
        var statistics = new MeanVarianceStatistics(2);
        statistics.Add([1f, float.NaN]);
        statistics.Add([3f, float.PositiveInfinity]);
        Assert.AreEqual(2.0, statistics.Mean(0));
        Assert.AreEqual(1.0, statistics.Variance(0));
        Assert.AreEqual(0L, statistics.Count(1));
        Assert.AreEqual(0.0, statistics.Variance(1));
    }
}
