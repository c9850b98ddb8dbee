// DataSubset: index mapping and the seeded validation split.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed class DataSubsetTests
{
    private static InMemoryDataset Numbered(int count) =>
        new(Enumerable.Range(0, count).Select(i => (float)i).ToArray(), new Shape(1), Enumerable.Range(0, count).Select(i => (float)(i % 3)).ToArray());

    [TestMethod]
    public void CopyBatch_Subset_ReadsTheMappedSamples()
    {
        var subset = new DataSubset(Numbered(10), [7, 3, 5]);
        var features = new float[2];

        subset.CopyBatch([2, 0], features, new float[2]);

        CollectionAssert.AreEqual(new[] { 5f, 7f }, features);
        Assert.AreEqual(3, subset.Count);
    }

    [TestMethod]
    public void Split_SameSeed_GivesSameDisjointParts()
    {
        var data = Numbered(100);

        var (train, validation) = DataSubset.Split(data, 0.2, seed: 7);
        var (train2, validation2) = DataSubset.Split(data, 0.2, seed: 7);
        var (_, other) = DataSubset.Split(data, 0.2, seed: 8);

        Assert.AreEqual(80, train.Count);
        Assert.AreEqual(20, validation.Count);
        CollectionAssert.AreEqual(validation.Indices.ToArray(), validation2.Indices.ToArray());
        CollectionAssert.AreEqual(train.Indices.ToArray(), train2.Indices.ToArray());
        CollectionAssert.AreNotEqual(validation.Indices.ToArray(), other.Indices.ToArray());
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 100).ToArray(), train.Indices.ToArray().Concat(validation.Indices.ToArray()).ToArray());
    }

    [TestMethod]
    public void Split_FractionLeavingAnEmptyPart_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => DataSubset.Split(Numbered(3), 0.1, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DataSubset.Split(Numbered(10), 1.0, 0));
    }

    [TestMethod]
    public void Constructor_IndexOutOfRange_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new DataSubset(Numbered(3), [3]));
}
