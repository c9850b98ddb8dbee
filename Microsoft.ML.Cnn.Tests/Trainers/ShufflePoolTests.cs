// The bounded shuffle pool: a seeded permutation of the stream in which no row moves ahead of its stream position
// by more than the pool allows.
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class ShufflePoolTests
{
    [TestMethod]
    public void Read_ThroughASmallPool_ServesEachRowOnceAndNeverFromBeyondThePool()
    {
        var source = DataViewBatchSourceTests.Source(DataViewBatchSourceTests.IndexedRows(new MLContext(1), 100), pool: 10);

        var order = DataViewBatchSourceTests.Pass(source, 0, batch: 7);

        CollectionAssert.AreEquivalent(Enumerable.Range(0, 100).Select(i => (float)i).ToArray(), order);
        for (int i = 0; i < order.Length; i++) Assert.IsTrue(order[i] < i + 10, $"row {order[i]} served at {i}: it cannot have been read yet");
        Assert.AreEqual(10, source.Pool!.Capacity);
    }

    [TestMethod]
    [DataRow(64, 32, 1024)]
    [DataRow(3 * 224 * 224, 32, 111)]
    [DataRow(3 * 1024 * 1024, 32, 32)]
    public void DefaultCapacity_BoundsRowsAndMemoryButHoldsABatch(int sampleSize, int batchSize, int expected)
    {
        Assert.AreEqual(expected, ShufflePool.DefaultCapacity(sampleSize, batchSize));
    }

    [TestMethod]
    public void Read_SameSeed_SameOrder()
    {
        var first = DataViewBatchSourceTests.Pass(DataViewBatchSourceTests.Source(DataViewBatchSourceTests.IndexedRows(new MLContext(1), 50)), 2);
        var second = DataViewBatchSourceTests.Pass(DataViewBatchSourceTests.Source(DataViewBatchSourceTests.IndexedRows(new MLContext(2), 50)), 2);

        CollectionAssert.AreEqual(first, second);
    }
}
