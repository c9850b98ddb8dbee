// Streamed batches are augmented by the same code, with the same draws, as in-memory batches.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed class AugmentedBatchSourceTests
{
    private static InMemoryDataset Images(int count) =>
        new(Enumerable.Range(0, count * 12).Select(v => (float)v).ToArray(), new Shape(1, 3, 4), new float[count]);

    [TestMethod]
    public void Read_SameSeed_AugmentsAsAugmentedTrainingData()
    {
        var augmentation = new ImageAugmentation(HorizontalFlip: true, MaxTranslation: 1);
        var streamed = new AugmentedBatchSource(new IndexedBatchSource(Images(5), shuffle: null), augmentation, new SeededRandom(9));
        var inMemory = new AugmentedTrainingData(Images(5), augmentation, new SeededRandom(9));

        var features = new float[5 * 12];
        using (var reader = streamed.Open(0))
        {
            Assert.AreEqual(3, reader.Read(features.AsSpan(0, 36), new float[3], []));
            Assert.AreEqual(2, reader.Read(features.AsSpan(36), new float[2], []));
        }
        var expected = new float[5 * 12];
        inMemory.CopyBatch([0, 1, 2], expected.AsSpan(0, 36), new float[3]);
        inMemory.CopyBatch([3, 4], expected.AsSpan(36), new float[2]);

        CollectionAssert.AreEqual(expected, features);
        CollectionAssert.AreNotEqual(Images(5).Features.ToArray(), features, "something was augmented");
    }

    [TestMethod]
    public void Create_FlatSamples_FailsAsNotImages()
    {
        var flat = new IndexedBatchSource(new InMemoryDataset(new float[8], new Shape(4), new float[2]), shuffle: null);

        var error = Assert.ThrowsExactly<ArgumentException>(() => new AugmentedBatchSource(flat, new ImageAugmentation(HorizontalFlip: true), new SeededRandom(1)));

        StringAssert.Contains(error.Message, "[C, H, W] samples");
    }
}
