// Elementwise comparison against a golden tensor, reporting the worst element so a failure says where and by how much.
namespace Microsoft.ML.Cnn.Tests.Goldens;

internal static class GoldenAssert
{
    /// <summary>Fails unless every |actual - expected| &lt;= abs + rel * |expected| (and nothing is NaN).</summary>
    public static void Close(GoldenTensor expected, ReadOnlySpan<float> actual, GoldenTolerance tolerance, string what)
    {
        Assert.AreEqual(expected.Data.Length, actual.Length, $"{what}: length of {expected.Name} {expected.Shape}.");
        int failures = 0, worst = -1;
        double worstExcess = double.NegativeInfinity;
        for (int i = 0; i < actual.Length; i++)
        {
            double e = expected.Data[i], a = actual[i];
            double excess = Math.Abs(a - e) - (tolerance.Absolute + tolerance.Relative * Math.Abs(e));
            if (double.IsNaN(excess)) excess = double.PositiveInfinity;
            if (excess > 0) failures++;
            if (excess > worstExcess) { worstExcess = excess; worst = i; }
        }
        if (failures > 0)
            Assert.Fail($"{what}: {failures} of {actual.Length} elements of {expected.Name} {expected.Shape} differ from PyTorch by more than " +
                $"{tolerance.Absolute:G3} + {tolerance.Relative:G3}|expected|; worst at flat index {worst}: expected {expected.Data[worst]:G9}, got {actual[worst]:G9}.");
    }
}
