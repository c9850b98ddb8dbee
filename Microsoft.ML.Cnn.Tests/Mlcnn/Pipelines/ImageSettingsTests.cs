// --image-size values, and which data --normalize fits.
using Microsoft.ML.Cnn.Mlcnn;
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Pipelines;

[TestClass]
public sealed class ImageSettingsTests
{
    [TestMethod]
    [DataRow("32", 32, 32)]
    [DataRow("64x48", 64, 48)]
    [DataRow("7X5", 7, 5)]
    public void ParseSize_ValidText_GivesWidthAndHeight(string text, int width, int height) =>
        Assert.AreEqual((width, height), ImageSettings.ParseSize(text));

    [TestMethod]
    [DataRow("0")]
    [DataRow("32x")]
    [DataRow("-4")]
    [DataRow("1x2x3")]
    [DataRow("5000")]
    public void ParseSize_InvalidText_IsUsageError(string text)
    {
        var error = Assert.ThrowsExactly<UsageException>(() => ImageSettings.ParseSize(text));
        StringAssert.Contains(error.Message, "write N for N x N pixels or WxH");
    }

    private static readonly DataSource Folder = new(DataSourceKind.ImageFolder, "photos", null);
    private static readonly DataSource Idx = new(DataSourceKind.Idx, "images.idx", "labels.idx");

    [TestMethod]
    public void For_ImageFiles_DefaultsToFittedAndTakesImageNetForRgb()
    {
        Assert.AreEqual(ImageNormalization.Fitted, ImageSettings.For(Folder, null, grayscale: false)!.Normalization);
        Assert.AreEqual(ImageNormalization.Fitted, ImageSettings.For(Folder, null, grayscale: true, ImageNormalization.Fitted)!.Normalization);
        var imageNet = ImageSettings.For(Folder, "224", grayscale: false, ImageNormalization.ImageNet)!;
        Assert.AreEqual("224x224 RGB, ImageNet normalization", imageNet.ToString());
        StringAssert.Contains(imageNet.PixelDescription, "std (0.229, 0.224, 0.225)");
    }

    [TestMethod]
    public void For_ImageNetOnGrayscaleOrIdx_IsUsageError()
    {
        var gray = Assert.ThrowsExactly<UsageException>(() => ImageSettings.For(Folder, null, grayscale: true, ImageNormalization.ImageNet));
        StringAssert.Contains(gray.Message, "--normalize imagenet needs RGB pixels");
        var idx = Assert.ThrowsExactly<UsageException>(() => ImageSettings.For(Idx, null, grayscale: false, ImageNormalization.ImageNet));
        StringAssert.Contains(idx.Message, "--normalize applies to image files");
        Assert.IsNull(ImageSettings.For(Idx, null, grayscale: false));
    }
}
