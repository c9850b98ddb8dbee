// In-memory data as a batch source: consecutive slices of the index order, reshuffled (seeded) for every pass.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed class IndexedBatchSourceTests
{
    // Sample i has features [i, i] and label i.
    private static InMemoryDataset Data(int count) =>
        new(Enumerable.Range(0, count).SelectMany(i => new[] { (float)i, i }).ToArray(), new Shape(2), Enumerable.Range(0, count).Select(i => (float)i).ToArray());

    internal static float[] Labels(IBatchSource source, int epoch, int batch)
    {
        var features = new float[batch * 2];
        var labels = new float[batch];
        var seen = new List<float>();
        var reader = source.Open(epoch);
        for (int n; (n = reader.Read(features, labels, [])) > 0;)
        {
            for (int i = 0; i < n; i++) Assert.AreEqual(labels[i], features[2 * i]);
            seen.AddRange(labels.Take(n));
        }
        reader.Dispose();
        return [.. seen];
    }

    [TestMethod]
    public void Open_NoShuffle_ReadsInIndexOrderWithAShortLastBatch()
    {
        var source = new IndexedBatchSource(Data(7), shuffle: null);

        CollectionAssert.AreEqual(new[] { 0f, 1, 2, 3, 4, 5, 6 }, Labels(source, 0, batch: 3));
        Assert.AreEqual(7L, source.Count);
        Assert.IsFalse(source.HasSampleWeights);
    }

    [TestMethod]
    public void Open_WithShuffle_ReshufflesEveryPassAsTheTrainerAlwaysDid()
    {
        var source = new IndexedBatchSource(Data(10), new SeededRandom(4));
        var order = Enumerable.Range(0, 10).ToArray();
        var expected = new SeededRandom(4);

        var first = Labels(source, 0, batch: 4);
        var second = Labels(source, 1, batch: 4);

        expected.Shuffle(order);
        CollectionAssert.AreEqual(order.Select(i => (float)i).ToArray(), first);
        expected.Shuffle(order);
        CollectionAssert.AreEqual(order.Select(i => (float)i).ToArray(), second);
    }
}
