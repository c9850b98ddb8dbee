// Moving group planes of a chunk of samples between NCHW tensors and side-by-side GEMM matrices.
using Microsoft.ML.Cnn.Backends.Managed.Kernels;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class SampleColumnsTests
{
    // x [3, 4, 2, 2] through a 1x1 conv with 2 groups and 4 filters: output planes of 4 pixels, 2 filters per group.
    private static readonly ConvolutionDimensions Pointwise = new(new Conv2DGeometry(1, 1, 1, 1, Padding2D.None, 1, 1, 2),
        new Shape(3, 4, 2, 2), new Shape(4, 2, 1, 1));

    private static float[] Sequence(int length) => Enumerable.Range(0, length).Select(i => (float)i).ToArray();

    [TestMethod]
    public void Gather_TwoSamplesOfGroupOne_PutsTheirPlanesSideBySide()
    {
        var t = Sequence(3 * 4 * 4);
        var matrix = new float[2 * 8];
        SampleColumns.Gather(Pointwise, t, first: 1, count: 2, group: 1, matrix);
        // Row k holds channel 2 + k of sample 1, then of sample 2.
        float[] expected = [24, 25, 26, 27, 40, 41, 42, 43, 28, 29, 30, 31, 44, 45, 46, 47];
        CollectionAssert.AreEqual(expected, matrix);
    }

    [TestMethod]
    public void Scatter_TwoSamples_InvertsGatherAndLeavesOtherSamples()
    {
        var matrix = Sequence(2 * 8);
        var y = new float[3 * 4 * 4];
        SampleColumns.Scatter(Pointwise, matrix, first: 1, count: 2, group: 1, y);
        var back = new float[matrix.Length];
        SampleColumns.Gather(Pointwise, y, first: 1, count: 2, group: 1, back);
        CollectionAssert.AreEqual(matrix, back);
        Assert.AreEqual(0f, y[0], "sample 0 is outside the chunk and must stay untouched");
    }

    [TestMethod]
    public void ExpandRow_Pointwise_ConcatenatesTheChannelOfEachSample()
    {
        var x = Sequence(3 * 4 * 4);
        var row = new float[3 * 4];
        SampleColumns.ExpandRow(Pointwise, x, first: 0, count: 3, group: 1, r: 1, row);
        float[] expected = [12, 13, 14, 15, 28, 29, 30, 31, 44, 45, 46, 47];
        CollectionAssert.AreEqual(expected, row);
    }

    [TestMethod]
    public void Accumulate_Pointwise_WritesColumnsBackToTheirChannels()
    {
        var columns = Sequence(2 * 8);
        var dx = new float[3 * 4 * 4];
        SampleColumns.Accumulate(Pointwise, columns, first: 1, count: 2, group: 0, dx);
        var row = new float[8];
        SampleColumns.ExpandRow(Pointwise, dx, first: 1, count: 2, group: 0, r: 1, row);
        CollectionAssert.AreEqual(columns[8..], row);
    }
}
