// The oneDNN parameter store: canonical values copied in and out, and a change stamp for reordered weight copies.
using Microsoft.ML.Cnn.Backends.OneDnn;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Tests.Backends.OneDnn;

[TestClass]
public sealed class OneDnnParameterStoreTests
{
    private static Parameter Weight() => new("w", new Shape(2, 3), ParameterRole.Weight, TestSupport.ZeroInitializer.Instance, 3, 2);

    [TestMethod]
    public void UploadDownload_RoundTripThroughStorage()
    {
        var parameter = Weight();
        using var store = new OneDnnParameterStore([parameter]);

        parameter.Data[4] = 7f;
        store.Upload(parameter);
        store.Values(parameter)[1] = 3f;
        store.Download(parameter);

        CollectionAssert.AreEqual(new[] { 0f, 3f, 0f, 0f, 7f, 0f }, parameter.Data);
    }

    [TestMethod]
    public void Generation_ValuesOrUpload_MarksTheParameterChanged()
    {
        var parameter = Weight();
        using var store = new OneDnnParameterStore([parameter]);
        int start = store.Generation(parameter);

        store.Values(parameter);
        int afterValues = store.Generation(parameter);
        store.Upload(parameter);

        Assert.AreNotEqual(start, afterValues);
        Assert.AreNotEqual(afterValues, store.Generation(parameter));
        store.Gradients(parameter);
        store.Download(parameter);
        Assert.AreEqual(afterValues + 1, store.Generation(parameter), "reading gradients or downloading changes nothing");
    }

    [TestMethod]
    public void Values_UnknownParameter_ThrowsNamingIt()
    {
        using var store = new OneDnnParameterStore([]);

        var error = Assert.ThrowsExactly<ArgumentException>(() => store.Values(Weight()));

        Assert.Contains("'w'", error.Message);
    }
}
