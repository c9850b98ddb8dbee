// How convolution kernels cut a batch into worker slots and multi-sample chunks.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Backends.Managed.Kernels;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class SampleChunksTests
{
    private static ConvolutionDimensions Dimensions(int batch, int channels, int size, int filters, int kernel, int groups = 1) =>
        new(new Conv2DGeometry(kernel, kernel, 1, 1, Padding2D.None, 1, 1, groups), new Shape(batch, channels, size, size),
            new Shape(filters, channels / groups, kernel, kernel));

    [TestMethod]
    public void Constructor_OnePixelOutput_ChunksAllOfASlotsSamples()
    {
        var chunks = new SampleChunks(Dimensions(batch: 7, channels: 16, size: 5, filters: 120, kernel: 5), SampleChunks.ProductColumns);
        int perSlot = (7 + chunks.Slots - 1) / chunks.Slots;
        Assert.AreEqual(WorkSlots.For(7), chunks.Slots);
        Assert.AreEqual(perSlot, chunks.SamplesPerChunk);
        Assert.AreEqual(perSlot, chunks.Columns);
    }

    [TestMethod]
    public void Constructor_LargeOutputPlane_OneSamplePerChunk()
    {
        var chunks = new SampleChunks(Dimensions(batch: 64, channels: 1, size: 30, filters: 32, kernel: 3), SampleChunks.ProductColumns);
        Assert.AreEqual(1, chunks.SamplesPerChunk);
        Assert.AreEqual(28 * 28, chunks.Columns);
    }

    [TestMethod]
    public void Constructor_MidSizePlane_GroupsUntilTargetColumns()
    {
        // 10x10 outputs: three samples make 300 columns, the first count past 256.
        var chunks = new SampleChunks(Dimensions(batch: 128, channels: 6, size: 14, filters: 16, kernel: 5), SampleChunks.ProductColumns);
        Assert.AreEqual(3, chunks.SamplesPerChunk);
    }

    [TestMethod]
    public void Constructor_ReductionTarget_ChunksLessThanProductTarget()
    {
        var dimensions = Dimensions(batch: 128, channels: 6, size: 14, filters: 16, kernel: 5);
        Assert.AreEqual(1, new SampleChunks(dimensions, SampleChunks.ReductionColumns).SamplesPerChunk);
    }

    [TestMethod]
    public void Constructor_Depthwise_OneSamplePerChunk()
    {
        var chunks = new SampleChunks(Dimensions(batch: 32, channels: 8, size: 4, filters: 8, kernel: 3, groups: 8), SampleChunks.ProductColumns);
        Assert.AreEqual(1, chunks.SamplesPerChunk);
    }

    [TestMethod]
    public void SlotRange_EverySlot_CoversTheBatchOnce()
    {
        var chunks = new SampleChunks(Dimensions(batch: 9, channels: 2, size: 3, filters: 4, kernel: 3), SampleChunks.ProductColumns);
        int next = 0;
        for (int slot = 0; slot < chunks.Slots; slot++)
        {
            var (start, end) = chunks.SlotRange(slot);
            Assert.AreEqual(next, start);
            next = end;
        }
        Assert.AreEqual(9, next);
    }
}
