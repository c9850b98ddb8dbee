// InMemoryDataset: validation of the arrays, batch gathering by index, and Take.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed class InMemoryDatasetTests
{
    // Three samples of shape (2): [0, 1], [10, 11], [20, 21]; labels 0, 1, 2.
    private static InMemoryDataset Three() => new([0, 1, 10, 11, 20, 21], new Shape(2), [0, 1, 2]);

    [TestMethod]
    public void CopyBatch_Indices_GathersSamplesAndLabelsInOrder()
    {
        var features = new float[4];
        var labels = new float[2];

        Three().CopyBatch([2, 0], features, labels);

        CollectionAssert.AreEqual(new[] { 20f, 21f, 0f, 1f }, features);
        CollectionAssert.AreEqual(new[] { 2f, 0f }, labels);
    }

    [TestMethod]
    public void CopyBatch_VectorLabels_CopiesWholeLabelRows()
    {
        var data = new InMemoryDataset([1, 2], new Shape(1), [0.1f, 0.2f, 0.3f, 0.4f], new Shape(2));
        var labels = new float[2];

        data.CopyBatch([1], new float[1], labels);

        CollectionAssert.AreEqual(new[] { 0.3f, 0.4f }, labels);
    }

    [TestMethod]
    public void CopyBatch_BadIndexOrDestination_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Three().CopyBatch([3], new float[2], new float[1]));
        Assert.ThrowsExactly<ArgumentException>(() => Three().CopyBatch([0], new float[3], new float[1]));
        Assert.ThrowsExactly<ArgumentException>(() => Three().CopyBatch([0], new float[2], new float[2]));
    }

    [TestMethod]
    public void Constructor_InconsistentArrays_ThrowWithCounts()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => new InMemoryDataset([0, 1, 2], new Shape(2), [0]));
        StringAssert.Contains(e.Message, "not a whole number of samples");
        e = Assert.ThrowsExactly<ArgumentException>(() => new InMemoryDataset([0, 1], new Shape(2), [0, 1]));
        StringAssert.Contains(e.Message, "1 samples need 1 label values");
        Assert.ThrowsExactly<ArgumentException>(() => new InMemoryDataset([], new Shape(2), []));
        Assert.ThrowsExactly<ArgumentException>(() => new InMemoryDataset([0, 1], Shape.Batched(2), [0]));
        Assert.ThrowsExactly<ArgumentException>(() => new InMemoryDataset([0, 1], new Shape(2), [float.NaN]));
    }

    [TestMethod]
    public void Take_FirstSamples_CopiesThem()
    {
        var first = Three().Take(2);

        Assert.AreEqual(2, first.Count);
        CollectionAssert.AreEqual(new[] { 0f, 1f, 10f, 11f }, first.Features.ToArray());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Three().Take(4));
    }
}
