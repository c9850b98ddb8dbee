// ResizeImages' transformer: hand-checked bilinear and antialiased pixels, every resizing kind and crop anchor on tiny
// images, agreement with Pillow on real images, pass-through at the target size, and save/load.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Tests.Images;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms.Image;
using static Microsoft.ML.Cnn.Transforms.Image.ImageResizingEstimator;

namespace Microsoft.ML.Cnn.Tests.Transforms.Image;

[TestClass]
public sealed class ImageResizingTransformerTests
{
    private static MLImage Resize(MLImage image, int width, int height, ResizingKind kind = ResizingKind.Fill, Anchor anchor = Anchor.Center) =>
        new ImageResizingTransformer("Out", width, height, "Image", kind, anchor).Resize(image, new ImageResampler());

    [TestMethod]
    public void Resize_Enlarge_InterpolatesBetweenPixelCentres()
    {
        // Output centres 0.25, 0.75, 1.25, 1.75 over source centres 0.5 and 1.5: the edges clamp, the middle blends 3:1.
        var image = Resize(ImageRows.Gray(2, 1, 0, 100), 4, 1);
        CollectionAssert.AreEqual(new byte[] { 0, 25, 75, 100 }, ImageRows.Channel(image, 0));
    }

    [TestMethod]
    public void Resize_ShrinkByTwo_AveragesWithWidenedTriangle()
    {
        // Centre 1.0, support 2: weights 0.75, 0.75, 0.25 on pixels 0..2 -> 50 / 1.75 = 28.6; centre 3.0: 0.25, 0.75, 0.75 on 1..3 -> 160 / 1.75 = 91.4.
        var image = Resize(ImageRows.Gray(4, 1, 0, 40, 80, 120), 2, 1);
        CollectionAssert.AreEqual(new byte[] { 29, 91 }, ImageRows.Channel(image, 0));
    }

    [TestMethod]
    public void Resize_ShrinkALot_EveryPixelContributes()
    {
        // A single bright pixel among 15 dark ones must not vanish when 16 pixels become 2 (nearest or plain bilinear would drop it).
        var pixels = new byte[16];
        pixels[5] = 255;
        var image = Resize(ImageRows.Gray(16, 1, pixels), 2, 1);
        Assert.IsGreaterThan(0, (int)image.GetPixel(0, 0, 0));
    }

    [TestMethod]
    [DataRow(Anchor.Left, new byte[] { 1, 2, 5, 6 })]
    [DataRow(Anchor.Right, new byte[] { 3, 4, 7, 8 })]
    [DataRow(Anchor.Center, new byte[] { 2, 3, 6, 7 })]
    [DataRow(Anchor.Top, new byte[] { 2, 3, 6, 7 })]
    [DataRow(Anchor.Bottom, new byte[] { 2, 3, 6, 7 })]
    public void Resize_IsoCropWideImage_KeepsAnchoredColumns(Anchor anchor, byte[] expected)
    {
        var wide = ImageRows.Gray(4, 2, 1, 2, 3, 4, 5, 6, 7, 8);
        CollectionAssert.AreEqual(expected, ImageRows.Channel(Resize(wide, 2, 2, ResizingKind.IsoCrop, anchor), 0));
    }

    [TestMethod]
    [DataRow(Anchor.Top, new byte[] { 1, 2, 3, 4 })]
    [DataRow(Anchor.Bottom, new byte[] { 5, 6, 7, 8 })]
    [DataRow(Anchor.Center, new byte[] { 3, 4, 5, 6 })]
    [DataRow(Anchor.Left, new byte[] { 3, 4, 5, 6 })]
    [DataRow(Anchor.Right, new byte[] { 3, 4, 5, 6 })]
    public void Resize_IsoCropTallImage_KeepsAnchoredRows(Anchor anchor, byte[] expected)
    {
        var tall = ImageRows.Gray(2, 4, 1, 2, 3, 4, 5, 6, 7, 8);
        CollectionAssert.AreEqual(expected, ImageRows.Channel(Resize(tall, 2, 2, ResizingKind.IsoCrop, anchor), 0));
    }

    [TestMethod]
    public void Resize_IsoPadWideImage_CentresBetweenZeroRows()
    {
        var wide = ImageRows.Gray(4, 2, 1, 2, 3, 4, 5, 6, 7, 8);
        var padded = Resize(wide, 4, 4, ResizingKind.IsoPad);
        CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0 }, ImageRows.Channel(padded, 0));
    }

    [TestMethod]
    public void Resize_IsoPadTallRgbaImage_PadsWithTransparentBlack()
    {
        var tall = ImageRows.Rgba(1, 2, 10, 20, 30, 255, 40, 50, 60, 255);
        var padded = Resize(tall, 3, 2, ResizingKind.IsoPad);
        Assert.AreEqual(MLPixelFormat.Rgba32, padded.PixelFormat);
        CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, 10, 20, 30, 255, 0, 0, 0, 0, 0, 0, 0, 0, 40, 50, 60, 255, 0, 0, 0, 0 }, padded.GetPixels().ToArray());
    }

    [TestMethod]
    public void Resize_FillIgnoresAspectRatio_SizeAndFormatAsAsked()
    {
        var image = Resize(ImageRows.Gray(4, 2, 1, 2, 3, 4, 5, 6, 7, 8), 3, 5);
        Assert.AreEqual("3x5 Gray8", image.ToString());
    }

    [TestMethod]
    public void Resize_AlreadyTargetSize_ReturnsSameImage()
    {
        var image = ImageRows.Gray(2, 2, 1, 2, 3, 4);
        Assert.AreSame(image, Resize(image, 2, 2, ResizingKind.IsoPad));
    }

    [TestMethod]
    [DataRow("cat.png", ResizingKind.Fill, 20, 12, "cat_fill_20x12.pil.png")]
    [DataRow("cat.png", ResizingKind.IsoCrop, 16, 8, "cat_isocrop_16x8.pil.png")]
    [DataRow("pattern.bmp", ResizingKind.Fill, 15, 10, "pattern_fill_15x10.pil.png")]
    public void Resize_RealImage_MatchesPillowBilinearWithinOneLevel(string source, ResizingKind kind, int width, int height, string pillow)
    {
        // The references are Pillow 9.4's Image.resize(BILINEAR) (IsoCrop: box=(0, 8, 32, 24), the centred window).
        var actual = Resize(MLImage.CreateFromFile(MLImageTests.ImagePath(source)), width, height, kind);
        var expected = MLImage.CreateFromFile(MLImageTests.ImagePath(pillow));
        for (int channel = 0; channel < 3; channel++)
        {
            var (a, e) = (ImageRows.Channel(actual, channel), ImageRows.Channel(expected, channel));
            int worst = a.Zip(e, (x, y) => Math.Abs(x - y)).Max();
            Assert.IsLessThanOrEqualTo(1, worst, $"channel {channel} differs from Pillow by up to {worst}");
        }
    }

    [TestMethod]
    public void Transform_ReadsLazily_OutputTypeHasSize()
    {
        var data = ImageRows.View(null, ImageRows.Gray(4, 2, 1, 2, 3, 4, 5, 6, 7, 8));
        var output = new ImageResizingTransformer("Small", 2, 1, "Image").Transform(data);
        Assert.AreEqual<DataViewType>(new ImageDataViewType(1, 2), output.Schema["Small"].Type);
        Assert.AreEqual("2x1 Gray8", TransformRows.Column<MLImage>(output, "Small").Single().ToString());
    }

    [TestMethod]
    public void Constructor_BadSizeOrKind_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ImageResizingTransformer("Out", 0, 5));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ImageResizingTransformer("Out", 5, 5, resizing: (ResizingKind)7));
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ImageResizingTransformer("Out", 5, 5, cropAnchor: (Anchor)9));
        StringAssert.Contains(e.Message, "Anchor.Right");
    }

    [TestMethod]
    public void SaveLoad_RoundTrip_SameSettingsAndPixels()
    {
        var data = ImageRows.View(null, ImageRows.Gray(4, 2, 1, 2, 3, 4, 5, 6, 7, 8));
        var original = new ImageResizingTransformer("Out", 2, 2, "Image", ResizingKind.IsoCrop, Anchor.Right);
        var loaded = (ImageResizingTransformer)ImageRows.SaveAndLoad(original, data.Schema);
        Assert.AreEqual((2, 2, "Out", "Image", ResizingKind.IsoCrop, Anchor.Right),
            (loaded.ImageWidth, loaded.ImageHeight, loaded.OutputColumnName, loaded.InputColumnName, loaded.Resizing, loaded.CropAnchor));
        CollectionAssert.AreEqual(new byte[] { 3, 4, 7, 8 }, ImageRows.Channel(TransformRows.Column<MLImage>(loaded.Transform(data), "Out").Single(), 0));
    }
}
