// ImageAugmentation: border fill modes against hand-padded images (torchvision RandomCrop with padding), fractional
// (Keras) translation bounds, per-sample and per-seed determinism, no steady-state allocation, validation messages,
// and how chained augmentations combine.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed class ImageAugmentationTests
{
    private static readonly Shape Tiny = new(1, 3, 4);

    // The 1x3x4 image [1 2 3 4], [5 6 7 8], [9 10 11 12] padded by one pixel on every side, written out by hand.
    private static readonly float[,] ReflectPadded =
    {
        { 6, 5, 6, 7, 8, 7 },
        { 2, 1, 2, 3, 4, 3 },
        { 6, 5, 6, 7, 8, 7 },
        { 10, 9, 10, 11, 12, 11 },
        { 6, 5, 6, 7, 8, 7 },
    };

    private static readonly float[,] SymmetricPadded =
    {
        { 1, 1, 2, 3, 4, 4 },
        { 1, 1, 2, 3, 4, 4 },
        { 5, 5, 6, 7, 8, 8 },
        { 9, 9, 10, 11, 12, 12 },
        { 9, 9, 10, 11, 12, 12 },
    };

    private static float[] Image() => Enumerable.Range(1, 12).Select(v => (float)v).ToArray();

    /// <summary>The 3x4 window of <paramref name="padded"/> at (top, left), row-major.</summary>
    private static float[] Crop(float[,] padded, int top, int left) =>
        Enumerable.Range(0, 12).Select(i => padded[top + i / 4, left + i % 4]).ToArray();

    private static float[] AugmentOnce(ImageAugmentation augmentation, long seed)
    {
        var image = Image();
        augmentation.AugmentBatch(image, 1, Tiny, new SeededRandom(seed));
        return image;
    }

    [TestMethod]
    public void ToString_FlipAndShift_ReadableSummary()
    {
        Assert.AreEqual("horizontal flips, shifts of up to 4 pixel(s) (Zeros fill)", new ImageAugmentation(HorizontalFlip: true, MaxTranslation: 4).ToString());
        Assert.AreEqual("no augmentation", new ImageAugmentation().ToString());
    }

    [TestMethod]
    [DataRow(ImagePaddingMode.Reflect)]
    [DataRow(ImagePaddingMode.Symmetric)]
    public void AugmentBatch_RandomCropWithPadding_IsAWindowOfThePaddedImage(ImagePaddingMode mode)
    {
        var padded = mode == ImagePaddingMode.Reflect ? ReflectPadded : SymmetricPadded;
        var windows = new HashSet<(int, int)>();
        for (int seed = 0; seed < 60; seed++)
        {
            var image = AugmentOnce(new ImageAugmentation(MaxTranslation: 1) { FillMode = mode }, seed);
            var window = (from top in Enumerable.Range(0, 3) from left in Enumerable.Range(0, 3) select (top, left))
                .FirstOrDefault(w => Crop(padded, w.Item1, w.Item2).SequenceEqual(image), (-1, -1));
            Assert.AreNotEqual((-1, -1), window, $"seed {seed}: {string.Join(",", image)} is no 3x4 window of the {mode}-padded image");
            windows.Add(window);
        }
        Assert.HasCount(9, windows, "every crop position should occur in 60 draws");
    }

    [TestMethod]
    public void AugmentBatch_FractionalTranslation_ShiftsOnlyAlongAxesWithAFactor()
    {
        // Height factor 0.34 on 3 rows: round(1.02) = 1 pixel at most; width factor 0: never sideways.
        var augmentation = new ImageAugmentation { TranslationHeightFactor = 0.34f, FillMode = ImagePaddingMode.Symmetric };
        Assert.AreEqual((1, 0), augmentation.MaxShifts(3, 4));
        var tops = new HashSet<int>();
        for (int seed = 0; seed < 30; seed++)
        {
            var image = AugmentOnce(augmentation, seed);
            int top = Enumerable.Range(0, 3).FirstOrDefault(t => Crop(SymmetricPadded, t, 1).SequenceEqual(image), -1);
            Assert.AreNotEqual(-1, top, $"seed {seed}: {string.Join(",", image)} is not a vertical shift");
            tops.Add(top);
        }
        Assert.HasCount(3, tops);
    }

    [TestMethod]
    public void AugmentBatch_TwoSamples_EachGetsItsOwnDraw()
    {
        bool differed = false;
        for (int seed = 0; seed < 10 && !differed; seed++)
        {
            var batch = Image().Concat(Image()).ToArray();
            new ImageAugmentation(HorizontalFlip: true, MaxTranslation: 1).AugmentBatch(batch, 2, Tiny, new SeededRandom(seed));
            differed = !batch.AsSpan(0, 12).SequenceEqual(batch.AsSpan(12, 12));
        }
        Assert.IsTrue(differed);
    }

    [TestMethod]
    public void AugmentBatch_SameSeed_SameBatch()
    {
        var augmentation = new ImageAugmentation(HorizontalFlip: true) { TranslationWidthFactor = 0.5f, FillMode = ImagePaddingMode.Reflect };
        var (first, second) = (Enumerable.Repeat(Image(), 4).SelectMany(v => v).ToArray(), Enumerable.Repeat(Image(), 4).SelectMany(v => v).ToArray());
        augmentation.AugmentBatch(first, 4, Tiny, new SeededRandom(11));
        augmentation.AugmentBatch(second, 4, Tiny, new SeededRandom(11));
        CollectionAssert.AreEqual(first, second);
    }

    [TestMethod]
    public void AugmentBatch_SteadyState_AllocatesNothing()
    {
        var augmentation = new ImageAugmentation(HorizontalFlip: true, MaxTranslation: 2) { FillMode = ImagePaddingMode.Reflect };
        var shape = new Shape(3, 8, 8);
        var batch = new float[16 * shape.ElementCount];
        var random = new SeededRandom(1);
        augmentation.AugmentBatch(batch, 16, shape, random);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) augmentation.AugmentBatch(batch, 16, shape, random);
        Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [TestMethod]
    [DataRow(-1, 4, ImagePaddingMode.Reflect, 1)]
    [DataRow(-3, 4, ImagePaddingMode.Reflect, 3)]
    [DataRow(4, 4, ImagePaddingMode.Reflect, 2)]
    [DataRow(6, 4, ImagePaddingMode.Reflect, 0)]
    [DataRow(-1, 4, ImagePaddingMode.Symmetric, 0)]
    [DataRow(-4, 4, ImagePaddingMode.Symmetric, 3)]
    [DataRow(4, 4, ImagePaddingMode.Symmetric, 3)]
    [DataRow(5, 4, ImagePaddingMode.Symmetric, 2)]
    [DataRow(-1, 4, ImagePaddingMode.Zeros, -1)]
    [DataRow(4, 4, ImagePaddingMode.Zeros, -1)]
    [DataRow(2, 4, ImagePaddingMode.Zeros, 2)]
    public void SourceIndex_OutsideTheImage_MirrorsOrZero(int index, int length, ImagePaddingMode mode, int expected) =>
        Assert.AreEqual(expected, ImageAugmentation.SourceIndex(index, length, mode));

    [TestMethod]
    public void Validate_TranslationAsLargeAsImage_ThrowsWithRange()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => new ImageAugmentation(MaxTranslation: 3).Validate(Tiny));
        StringAssert.Contains(e.Message, "[0, 2]");
    }

    [TestMethod]
    public void Validate_FlatSamples_ThrowsNamingShape()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => new ImageAugmentation(HorizontalFlip: true).Validate(new Shape(784)));
        StringAssert.Contains(e.Message, "(784)");
    }

    [TestMethod]
    public void Validate_FactorShiftingAsFarAsTheSize_SaysLowerTheFactors()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => new ImageAugmentation { TranslationHeightFactor = 0.9f }.Validate(Tiny));
        StringAssert.Contains(e.Message, "lower the factors");
        Assert.ThrowsExactly<ArgumentException>(() => new ImageAugmentation { TranslationWidthFactor = 1f }.Validate(Tiny));
    }

    [TestMethod]
    public void Validate_PixelAndFractionalTranslation_KeepOne()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => new ImageAugmentation(MaxTranslation: 1) { TranslationWidthFactor = 0.2f }.Validate(Tiny));
        StringAssert.Contains(e.Message, "keep one of them");
    }

    [TestMethod]
    public void Then_FlipThenCrop_OneAugmentationWithBoth()
    {
        var crop = new ImageAugmentation(MaxTranslation: 4) { FillMode = ImagePaddingMode.Reflect };
        var combined = new ImageAugmentation(HorizontalFlip: true).Then(crop);
        Assert.AreEqual(crop with { HorizontalFlip = true }, combined);
        Assert.AreEqual("horizontal flip, translation up to 4 pixels (Reflect)", combined.Describe());
    }

    [TestMethod]
    public void Then_TwoTranslations_Throws()
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() =>
            new ImageAugmentation(MaxTranslation: 1).Then(new ImageAugmentation { TranslationHeightFactor = 0.1f }));
        StringAssert.Contains(e.Message, "one RandomCrop or RandomTranslation");
    }
}
