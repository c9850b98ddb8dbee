// The valid-output-range rule every convolution loop relies on, against brute force.
using Microsoft.ML.Cnn.Backends.Managed.Kernels;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class ConvolutionDimensionsTests
{
    [TestMethod]
    public void ValidRange_AllSmallOriginsStridesLimits_MatchesBruteForce()
    {
        for (int origin = -7; origin <= 7; origin++)
            for (int stride = 1; stride <= 3; stride++)
                for (int limit = 1; limit <= 6; limit++)
                    for (int count = 1; count <= 6; count++)
                    {
                        int start = count, end = 0;
                        for (int o = 0; o < count; o++)
                        {
                            int position = origin + o * stride;
                            if (position < 0 || position >= limit) continue;
                            start = Math.Min(start, o);
                            end = o + 1;
                        }
                        var (actualStart, actualEnd) = ConvolutionDimensions.ValidRange(origin, stride, limit, count);
                        string what = $"origin {origin} stride {stride} limit {limit} count {count}";
                        Assert.AreEqual(end - Math.Min(start, end), actualEnd - actualStart, what);
                        if (end > 0) Assert.AreEqual(start, actualStart, what);
                    }
    }
}
