// Augmented batches: flipped or shifted deterministically for a seed; validation data is never augmented.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed class AugmentedBatchSourceTests
{
    private static InMemoryDataset Images(int count) =>
        new(Enumerable.Range(0, count * 12).Select(v => (float)v).ToArray(), new Shape(1, 3, 4), new float[count]);

    // One 1x3x4 image: rows [1 2 3 4], [5 6 7 8], [9 10 11 12].
    private static InMemoryDataset OneImage() =>
        new(Enumerable.Range(1, 12).Select(v => (float)v).ToArray(), new Shape(1, 3, 4), [0f]);

    private static float[] Augmented(ImageAugmentation augmentation, long seed, int draws = 1)
    {
        var data = new AugmentedBatchSource(new IndexedBatchSource(OneImage(), shuffle: null), augmentation, new SeededRandom(seed));
        var features = new float[12];
        for (int i = 0; i < draws; i++)
        {
            using var reader = data.Open(i);
            Assert.AreEqual(1, reader.Read(features, new float[1], []));
        }
        return features;
    }

    [TestMethod]
    public void Read_FlipOnly_ReturnsOriginalOrMirror()
    {
        var original = Enumerable.Range(1, 12).Select(v => (float)v).ToArray();
        float[] mirror = [4, 3, 2, 1, 8, 7, 6, 5, 12, 11, 10, 9];
        bool sawOriginal = false, sawMirror = false;
        for (int seed = 0; seed < 20; seed++)
        {
            var image = Augmented(new ImageAugmentation(HorizontalFlip: true), seed);
            if (image.SequenceEqual(original)) sawOriginal = true;
            else if (image.SequenceEqual(mirror)) sawMirror = true;
            else Assert.Fail($"unexpected image {string.Join(",", image)}");
        }
        Assert.IsTrue(sawOriginal && sawMirror);
    }

    [TestMethod]
    public void Read_TranslationOnly_ShiftsWithZeroFill()
    {
        for (int seed = 0; seed < 30; seed++)
        {
            var image = Augmented(new ImageAugmentation(MaxTranslation: 1), seed);
            // Some shift (dy, dx) in [-1, 1]^2 must explain every pixel.
            bool explained = false;
            for (int dy = -1; dy <= 1 && !explained; dy++)
                for (int dx = -1; dx <= 1 && !explained; dx++)
                    explained = Enumerable.Range(0, 12).All(i =>
                    {
                        int y = i / 4 - dy, x = i % 4 - dx;
                        float expected = y is >= 0 and < 3 && x is >= 0 and < 4 ? y * 4 + x + 1 : 0f;
                        return image[i] == expected;
                    });
            Assert.IsTrue(explained, $"seed {seed}: {string.Join(",", image)} is not a shift of the image");
        }
    }

    [TestMethod]
    public void Read_SameSeed_SameSequence() =>
        CollectionAssert.AreEqual(
            Augmented(new ImageAugmentation(true, 1), seed: 4, draws: 5),
            Augmented(new ImageAugmentation(true, 1), seed: 4, draws: 5));

    [TestMethod]
    public void Fit_WithAugmentation_LeavesValidationDataUntouched()
    {
        var subset = Cnn.Data.FashionMnist.LoadSubset();
        var network = TrainerTests.Tiny(seed: 3);
        using var trainer = new Trainer(network, new TrainerOptions
        {
            Optimizer = new Adam(1e-3f), Epochs = 1, BatchSize = 64, Seed = 3,
            Augmentation = new ImageAugmentation(HorizontalFlip: true, MaxTranslation: 2),
        });
        var validation = subset.Test.Take(200);
        var history = trainer.Fit(subset.Train.Take(256), validation);
        // The epoch's validation loss was computed with the final weights; an augmented validation pass would differ.
        Assert.AreEqual(trainer.Evaluate(validation).Loss, history.Epochs[0].ValidationLoss, 1e-9);
    }

    [TestMethod]
    public void Create_FlatSamples_FailsAsNotImages()
    {
        var flat = new IndexedBatchSource(new InMemoryDataset(new float[8], new Shape(4), new float[2]), shuffle: null);

        var error = Assert.ThrowsExactly<ArgumentException>(() => new AugmentedBatchSource(flat, new ImageAugmentation(HorizontalFlip: true), new SeededRandom(1)));

        StringAssert.Contains(error.Message, "[C, H, W] samples");
    }
}
