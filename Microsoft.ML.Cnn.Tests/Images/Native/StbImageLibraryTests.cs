// StbImageLibrary: libstb.so.0 loads here; a missing library is reported with the apt-get command that installs it.
using Microsoft.ML.Cnn.Images.Native;

namespace Microsoft.ML.Cnn.Tests.Images.Native;

[TestClass]
public sealed class StbImageLibraryTests
{
    [TestMethod]
    public void IsAvailable_LibstbInstalled_True() => Assert.IsTrue(StbImageLibrary.IsAvailable, "tools/setup.sh installs libstb0");

    [TestMethod]
    public void Probe_MissingFile_SaysHowToInstall()
    {
        var failure = StbImageLibrary.Probe("libstb-does-not-exist.so.9");
        Assert.IsNotNull(failure);
        StringAssert.Contains(failure, "libstb-does-not-exist.so.9 not found");
        StringAssert.Contains(failure, "sudo apt-get install libstb0");
    }

    [TestMethod]
    public void Probe_OtherLibrary_SaysItIsNotStb()
    {
        var failure = StbImageLibrary.Probe("libc.so.6");
        Assert.IsNotNull(failure);
        StringAssert.Contains(failure, "it is not stb_image");
    }
}
