// --image-size values.
using Microsoft.ML.Cnn.Mlcnn;
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
}
