// Backend choice by kind: Auto prefers oneDNN, explicit kinds are honoured, a missing oneDNN gives the install command.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Backends.OneDnn;
using Microsoft.ML.Cnn.Backends.OneDnn.Native;

namespace Microsoft.ML.Cnn.Tests.Backends;

[TestClass]
public sealed class BackendFactoryTests
{
    [TestMethod]
    public void Create_AutoWithLibraryInstalled_PicksOneDnnAndLogsIt()
    {
        if (!DnnlLibrary.Availability.IsAvailable) Assert.Inconclusive(DnnlLibrary.Availability.Description);
        var log = new List<string>();

        using var backend = BackendFactory.Create(BackendKind.Auto, threads: 2, log.Add);

        Assert.IsInstanceOfType<OneDnnBackend>(backend);
        Assert.HasCount(1, log);
        Assert.Contains("oneDNN backend, 2 thread(s)", log[0]);
    }

    [TestMethod]
    public void Create_AutoWithLibraryMissing_FallsBackToManagedAndSaysWhy()
    {
        var log = new List<string>();

        using var backend = BackendFactory.Create(BackendKind.Auto, 1, log.Add, DnnlLibrary.Probe("libdnnl-missing.so.99"));

        Assert.IsInstanceOfType<ManagedBackend>(backend);
        Assert.Contains("managed backend", log[0]);
        Assert.Contains("not found", log[0]);
    }

    [TestMethod]
    public void Create_OneDnnWithLibraryMissing_ThrowsInstallHint()
    {
        var error = Assert.ThrowsExactly<DllNotFoundException>(() =>
            BackendFactory.Create(BackendKind.OneDnn, 1, null, DnnlLibrary.Probe("libdnnl-missing.so.99")));

        Assert.Contains("sudo apt-get install libdnnl2", error.Message);
    }

    [TestMethod]
    public void Create_Managed_ReturnsManagedBackend()
    {
        using var backend = BackendFactory.Create(BackendKind.Managed, threads: 1);

        Assert.IsInstanceOfType<ManagedBackend>(backend);
    }
}
