// The trainer's batch buffers (reused while the source's shapes stay the same) and its running loss totals
// (batch means weighted by the batch's total sample weight).
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed class BatchBuffersTests
{
    private static IBatchSource Source(int count = 4) => new IndexedBatchSource(new InMemoryDataset(new float[count * 3], new Shape(3), new float[count]), shuffle: null);

    [TestMethod]
    public void For_SameShapesAndBatch_ReusesTheBuffers()
    {
        BatchBuffers? cached = null;

        var first = BatchBuffers.For(ref cached, Source(), 8);
        var again = BatchBuffers.For(ref cached, Source(2), 8);
        var other = BatchBuffers.For(ref cached, Source(), 4);

        Assert.AreSame(first, again);
        Assert.AreNotSame(first, other);
        Assert.AreSame(other, cached);
    }

    [TestMethod]
    public void Read_SourceBatch_SlicesFeaturesLabelsAndWeighsBySize()
    {
        BatchBuffers? cached = null;
        var buffers = BatchBuffers.For(ref cached, Source(5), 4);
        using var reader = Source(5).Open(0);

        Assert.AreEqual(4, buffers.Read(reader));
        int last = buffers.Read(reader);

        Assert.AreEqual(1, last);
        Assert.AreEqual(3, buffers.Features(last).Length);
        Assert.IsTrue(buffers.Weights(last).IsEmpty);
        Assert.AreEqual(1.0, buffers.WeightOf(last));
    }

    [TestMethod]
    public void RunningTotals_WeightedBatches_GiveTheWeightedMeanLoss()
    {
        var totals = new RunningTotals();

        totals.Add(batchLoss: 1.0, batchWeight: 3.0, size: 2, correct: 1);
        totals.Add(batchLoss: 3.0, batchWeight: 1.0, size: 2, correct: 2);

        Assert.AreEqual(1.5, totals.MeanLoss, 1e-12);
        Assert.AreEqual(0.75, totals.Accuracy, 1e-12);
        Assert.AreEqual(4L, totals.Samples);
        Assert.IsTrue(double.IsNaN(new RunningTotals().MeanLoss));
    }
}
