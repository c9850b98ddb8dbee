// The short copy that im2col and row packing use: copies, zero-fills, and touches nothing past the end.
using Microsoft.ML.Cnn.Backends.Managed;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed;

[TestClass]
public sealed class GemmPackingTests
{
    [TestMethod]
    [DataRow(0, 3)]
    [DataRow(5, 0)]
    [DataRow(13, 5)]
    [DataRow(32, 0)]
    public unsafe void CopyShort_CountAndZeros_CopiesThenZeroesAndStops(int count, int zeros)
    {
        var source = Enumerable.Range(1, 40).Select(i => (float)i).ToArray();
        var destination = Enumerable.Repeat(-1f, 40).ToArray();
        fixed (float* s = source, d = destination) GemmPacking.CopyShort(s, d, count, zeros);
        for (int i = 0; i < destination.Length; i++)
        {
            float expected = i < count ? source[i] : i < count + zeros ? 0f : -1f;
            Assert.AreEqual(expected, destination[i], $"element {i}");
        }
    }
}
