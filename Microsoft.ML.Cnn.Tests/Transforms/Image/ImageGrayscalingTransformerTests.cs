// ConvertToGrayscale's transformer: ML.NET's luminance weights with exact rounding, Gray8 pass-through, save/load.
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms.Image;

namespace Microsoft.ML.Cnn.Tests.Transforms.Image;

[TestClass]
public sealed class ImageGrayscalingTransformerTests
{
    [TestMethod]
    public void ToGray_PrimaryColors_WeightedThirtyFiftyNineEleven()
    {
        // 0.3 * 255 = 76.5 -> 77, 0.59 * 255 = 150.45 -> 150, 0.11 * 255 = 28.05 -> 28; alpha is dropped.
        var image = ImageRows.Rgba(4, 1, 255, 0, 0, 10, 0, 255, 0, 255, 0, 0, 255, 0, 255, 255, 255, 255);
        var gray = ImageGrayscalingTransformer.ToGray(image);
        Assert.AreEqual(MLPixelFormat.Gray8, gray.PixelFormat);
        CollectionAssert.AreEqual(new byte[] { 77, 150, 28, 255 }, gray.GetPixels().ToArray());
    }

    [TestMethod]
    public void ToGray_GrayImage_ReturnedAsIs()
    {
        var image = ImageRows.Gray(1, 1, 7);
        Assert.AreSame(image, ImageGrayscalingTransformer.ToGray(image));
    }

    [TestMethod]
    public void SaveLoad_RoundTrip_SameColumns()
    {
        var data = ImageRows.View(null, ImageRows.Rgba(1, 1, 255, 0, 0, 255));
        var loaded = (ImageGrayscalingTransformer)ImageRows.SaveAndLoad(new ImageGrayscalingTransformer("Gray", "Image"), data.Schema);
        Assert.AreEqual(("Gray", "Image"), (loaded.OutputColumnName, loaded.InputColumnName));
        Assert.AreEqual(77, TransformRows.Column<MLImage>(loaded.Transform(data), "Gray").Single().GetPixel(0, 0, 0));
    }
}
