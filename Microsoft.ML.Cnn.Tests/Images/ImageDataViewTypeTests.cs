// ImageDataViewType: equal by size, read as MLImage, sizes given together or not at all.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;

namespace Microsoft.ML.Cnn.Tests.Images;

[TestClass]
public sealed class ImageDataViewTypeTests
{
    [TestMethod]
    public void Equals_SameSize_EqualAndReadAsMLImage()
    {
        Assert.AreEqual(new ImageDataViewType(), new ImageDataViewType());
        Assert.AreEqual(new ImageDataViewType(32, 28), new ImageDataViewType(32, 28));
        Assert.AreNotEqual<DataViewType>(new ImageDataViewType(32, 28), new ImageDataViewType());
        Assert.AreEqual(typeof(MLImage), new ImageDataViewType().RawType);
        Assert.AreEqual("Image<32, 28>", new ImageDataViewType(32, 28).ToString());
    }

    [TestMethod]
    public void Constructor_OneSizeZero_Throws()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new ImageDataViewType(32, 0));
        StringAssert.Contains(error.Message, "Give both height and width");
    }
}
