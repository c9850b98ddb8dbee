// Thumbnails from decoded images (alpha dropped) and from feature vectors (each channel stretched to 0..255).
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Mlcnn.Reports;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Reports;

[TestClass]
public sealed class ThumbnailTests
{
    [TestMethod]
    public void FromImage_Rgba_KeepsRgbDropsAlpha()
    {
        var image = MLImage.CreateFromPixels(2, 1, MLPixelFormat.Rgba32, [1, 2, 3, 255, 4, 5, 6, 0]);
        var thumbnail = Thumbnail.FromImage(image);
        Assert.AreEqual(3, thumbnail.Channels);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5, 6 }, thumbnail.Pixels);
    }

    [TestMethod]
    public void FromFeatures_Planar_StretchesEachChannelAndInterleaves()
    {
        // Two channels of 1x2 would not draw; three do: channel 0 = (-1, 1), channel 1 = (5, 5) (flat), channel 2 = (0, 0.5).
        var thumbnail = Thumbnail.FromFeatures([-1f, 1f, 5f, 5f, 0f, 0.5f], 3, 1, 2)!;
        CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 255, 0, 255 }, thumbnail.Pixels);
        Assert.IsNull(Thumbnail.FromFeatures(new float[8], 2, 2, 2));
    }
}
