// The library probe: oneDNN loads here, and a missing library is reported with the reason and the install command.
using Microsoft.ML.Cnn.Backends.OneDnn.Native;

namespace Microsoft.ML.Cnn.Tests.Backends.OneDnn.Native;

[TestClass]
public sealed class DnnlLibraryTests
{
    [TestMethod]
    public void Probe_MissingLibrary_SaysNotFoundAndHowToInstall()
    {
        var availability = DnnlLibrary.Probe("libdnnl-missing.so.99");

        Assert.IsFalse(availability.IsAvailable);
        Assert.Contains("libdnnl-missing.so.99 not found", availability.Description);
        Assert.Contains("sudo apt-get install libdnnl2", availability.Description);
    }

    [TestMethod]
    public void Availability_InstalledLibrary_ReportsVersion2()
    {
        var availability = DnnlLibrary.Availability;
        if (!availability.IsAvailable) Assert.Inconclusive(availability.Description);

        StringAssert.StartsWith(availability.Description, "oneDNN 2.");
    }
}
