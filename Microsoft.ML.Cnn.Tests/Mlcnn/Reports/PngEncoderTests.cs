// Report thumbnails: PNGs that the library's own decoder (stb_image) reads back pixel for pixel.
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Mlcnn.Reports;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Reports;

[TestClass]
public sealed class PngEncoderTests
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(3)]
    public void Encode_DecodesToTheSamePixels(int channels)
    {
        const int width = 5, height = 3;
        var pixels = Enumerable.Range(0, width * height * channels).Select(i => (byte)(i * 17 % 256)).ToArray();
        var image = MLImage.CreateFromEncoded(PngEncoder.Encode(new Thumbnail(width, height, channels, pixels)), "thumbnail");
        Assert.AreEqual(width, image.Width);
        Assert.AreEqual(height, image.Height);
        var decoded = new byte[pixels.Length];
        for (int i = 0; i < width * height; i++)
            for (int c = 0; c < channels; c++) decoded[i * channels + c] = image.GetPixel(i % width, i / width, c);
        CollectionAssert.AreEqual(pixels, decoded);
    }

    [TestMethod]
    public void ToDataUri_IsBase64Png() => StringAssert.StartsWith(PngEncoder.ToDataUri(new Thumbnail(1, 1, 1, [7])), "data:image/png;base64,iVBORw0KGgo");
}
