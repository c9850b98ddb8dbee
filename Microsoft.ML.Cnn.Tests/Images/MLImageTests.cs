// MLImage: each format decodes to the right size and pixels (PNG/BMP/GIF exactly, JPEG within decoder tolerance);
// corrupt, truncated and oversized input fail with messages naming the file and stb's reason.
using Microsoft.ML.Cnn.Images;

namespace Microsoft.ML.Cnn.Tests.Images;

[TestClass]
public sealed class MLImageTests
{
    public static string ImagePath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Images", name);

    [TestMethod]
    [DataRow("cat.png")]
    [DataRow("cat.bmp")]
    public void CreateFromFile_LosslessCat_KnownPixels(string name)
    {
        var image = MLImage.CreateFromFile(ImagePath(name));
        Assert.AreEqual(32, image.Width);
        Assert.AreEqual(32, image.Height);
        Assert.AreEqual(MLPixelFormat.Rgba32, image.PixelFormat);
        Assert.AreEqual(32 * 32 * 4, image.GetPixels().Length);
        // Values read from the same pixels with PIL when the test data was generated.
        CollectionAssert.AreEqual(new byte[] { 167, 107, 47, 255 }, Pixel(image, 0, 0));
        CollectionAssert.AreEqual(new byte[] { 166, 106, 44, 255 }, Pixel(image, 1, 0));
        CollectionAssert.AreEqual(new byte[] { 27, 79, 129, 255 }, Pixel(image, 31, 31));
    }

    [TestMethod]
    public void CreateFromFile_Jpeg_MatchesLosslessCopyWithinDecoderTolerance()
    {
        var jpeg = MLImage.CreateFromFile(ImagePath("cat.jpg"));
        var png = MLImage.CreateFromFile(ImagePath("cat.png"));
        Assert.AreEqual(32, jpeg.Width);
        Assert.AreEqual(32, jpeg.Height);
        Assert.AreEqual(MLPixelFormat.Rgba32, jpeg.PixelFormat);
        // cat.png is libjpeg's decode of cat.jpg; stb's IDCT and chroma upsampling differ slightly.
        var a = jpeg.GetPixels();
        var b = png.GetPixels();
        long totalDifference = 0;
        int maxDifference = 0;
        for (int i = 0; i < a.Length; i++)
        {
            int d = Math.Abs(a[i] - b[i]);
            totalDifference += d;
            maxDifference = Math.Max(maxDifference, d);
        }
        Assert.IsLessThan(3.0, totalDifference / (double)a.Length, $"mean difference, max {maxDifference}");
        Assert.IsLessThan(40, maxDifference);
    }

    [TestMethod]
    [DataRow("pattern.gif")]
    [DataRow("pattern.bmp")]
    public void CreateFromFile_PalettePattern_ExactColors(string name)
    {
        var image = MLImage.CreateFromFile(ImagePath(name));
        Assert.AreEqual(6, image.Width);
        Assert.AreEqual(4, image.Height);
        byte[][] colors = [[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255], [255, 255, 0, 255]];
        for (int y = 0; y < 4; y++)
            for (int x = 0; x < 6; x++)
                CollectionAssert.AreEqual(colors[(x + y) % 4], Pixel(image, x, y), $"pixel ({x}, {y})");
    }

    [TestMethod]
    public void CreateFromFile_RgbaPng_KeepsAlpha()
    {
        var image = MLImage.CreateFromFile(ImagePath("pattern_rgba.png"));
        Assert.AreEqual(4, image.Width);
        Assert.AreEqual(3, image.Height);
        CollectionAssert.AreEqual(new byte[] { 0, 0, 255, 255 }, Pixel(image, 0, 0));
        CollectionAssert.AreEqual(new byte[] { 60, 0, 205, 128 }, Pixel(image, 1, 0));
        CollectionAssert.AreEqual(new byte[] { 180, 200, 105, 128 }, Pixel(image, 3, 2));
    }

    [TestMethod]
    public void CreateFromFile_GrayPng_IsGray8()
    {
        var image = MLImage.CreateFromFile(ImagePath("gray.png"));
        Assert.AreEqual(MLPixelFormat.Gray8, image.PixelFormat);
        CollectionAssert.AreEqual(new byte[] { 0, 50, 100, 150, 200, 1, 51, 101, 151, 201 }, image.GetPixels().ToArray());
    }

    [TestMethod]
    [DataRow("corrupt.jpg")]
    [DataRow("truncated.jpg")]
    public void CreateFromFile_BadFile_MessageNamesFileAndReason(string name)
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => MLImage.CreateFromFile(ImagePath(name)));
        StringAssert.Contains(error.Message, name);
        StringAssert.Contains(error.Message, "stb_image says '");
    }

    [TestMethod]
    public void CreateFromFile_Missing_FileNotFound()
    {
        var error = Assert.ThrowsExactly<FileNotFoundException>(() => MLImage.CreateFromFile(ImagePath("absent.png")));
        StringAssert.Contains(error.Message, "absent.png");
    }

    [TestMethod]
    public void CreateFromFile_OverByteLimit_RejectedBeforeReading()
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => MLImage.CreateFromFile(ImagePath("cat.jpg"), new ImageDecodeLimits(100, 1 << 20)));
        StringAssert.Contains(error.Message, "MaxEncodedBytes");
        StringAssert.Contains(error.Message, "973 bytes");
    }

    [TestMethod]
    public void CreateFromFile_OverPixelLimit_RejectedFromHeader()
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => MLImage.CreateFromFile(ImagePath("cat.png"), new ImageDecodeLimits(1 << 20, 1000)));
        StringAssert.Contains(error.Message, "32x32 = 1024 pixels");
        StringAssert.Contains(error.Message, "MaxPixelCount");
    }

    [TestMethod]
    public void CreateFromStream_NonSeekable_DecodesAndEnforcesLimit()
    {
        var bytes = File.ReadAllBytes(ImagePath("pattern.gif"));
        var image = MLImage.CreateFromStream(new NonSeekableStream(bytes));
        Assert.AreEqual(6, image.Width);
        Assert.ThrowsExactly<InvalidDataException>(() => MLImage.CreateFromStream(new NonSeekableStream(bytes), new ImageDecodeLimits(10, 100)));
    }

    [TestMethod]
    public void CreateFromEncoded_Empty_SaysEmpty()
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => MLImage.CreateFromEncoded([], "blob"));
        StringAssert.Contains(error.Message, "blob");
        StringAssert.Contains(error.Message, "empty");
    }

    [TestMethod]
    public void CreateFromPixels_CopiesAndValidatesLength()
    {
        byte[] pixels = [1, 2, 3, 4, 5, 6];
        var image = MLImage.CreateFromPixels(3, 2, MLPixelFormat.Gray8, pixels);
        pixels[0] = 99;
        Assert.AreEqual(1, image.GetPixel(0, 0, 0));
        Assert.AreEqual(6, image.GetPixel(2, 1, 0));
        var error = Assert.ThrowsExactly<ArgumentException>(() => MLImage.CreateFromPixels(2, 2, MLPixelFormat.Rgba32, pixels));
        StringAssert.Contains(error.Message, "needs 16 bytes, but 6 were given");
    }

    private static byte[] Pixel(MLImage image, int x, int y)
    {
        var result = new byte[image.BytesPerPixel];
        for (int c = 0; c < result.Length; c++) result[c] = image.GetPixel(x, y, c);
        return result;
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
