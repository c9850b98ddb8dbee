// Finds libdnnl.so.2 (the runtime package ships only the versioned soname, and the soname pins the 2.x ABI) and
// libgomp.so.1, and tells whether oneDNN can be used here, with the reason and the fix when it cannot.
using System.Runtime.InteropServices;
using Microsoft.ML.Cnn.Interop;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Native;

/// <summary>Whether a native library loaded, and if not, why and how to fix it.</summary>
public sealed record DnnlAvailability(bool IsAvailable, string Description);

/// <summary>Loads oneDNN 2.x for the <see cref="Dnnl"/> imports.</summary>
public static class DnnlLibrary
{
    /// <summary>The file loaded for <see cref="Dnnl.Library"/>.</summary>
    public const string FileName = "libdnnl.so.2";

    /// <summary>The OpenMP runtime Debian's oneDNN is built against.</summary>
    public const string OpenMpFileName = "libgomp.so.1";

    /// <summary>How to install the library, quoted in every "not available" message.</summary>
    public const string InstallHint = "Install oneDNN 2.x: sudo apt-get install libdnnl2 (Debian/Ubuntu), or choose the managed backend.";

    private static readonly Lazy<DnnlAvailability> s_availability = new(() => Probe(FileName));
    private static int s_resolverInstalled;

    /// <summary>The probe of <see cref="FileName"/>, done once per process.</summary>
    public static DnnlAvailability Availability => s_availability.Value;

    /// <summary>Throws <see cref="DllNotFoundException"/> with the reason and <see cref="InstallHint"/> unless oneDNN loads.</summary>
    public static void EnsureAvailable()
    {
        var availability = Availability;
        if (!availability.IsAvailable) throw new DllNotFoundException(availability.Description);
    }

    /// <summary>Tries to load <paramref name="fileName"/> and read its version; a failure says why and how to install it.</summary>
    public static unsafe DnnlAvailability Probe(string fileName)
    {
        InstallResolver();
        OpenMp.PreferPassiveWaiting();
        if (!NativeLibrary.TryLoad(fileName, out var library))
            return new DnnlAvailability(false, $"{fileName} not found: the oneDNN backend cannot run. {InstallHint}");
        try
        {
            if (!NativeLibrary.TryGetExport(library, "dnnl_version", out var export))
                return new DnnlAvailability(false, $"{fileName} loaded but exports no dnnl_version: it is not oneDNN. {InstallHint}");
            var version = ((delegate* unmanaged<DnnlVersion*>)export)();
            if (version->Major != 2)
                return new DnnlAvailability(false, $"{fileName} is oneDNN {version->Major}.{version->Minor}; this backend binds the 2.x C API. {InstallHint}");
            return new DnnlAvailability(true, $"oneDNN {version->Major}.{version->Minor}.{version->Patch} ({fileName})");
        }
        finally
        {
            NativeLibrary.Free(library);
        }
    }

    private static void InstallResolver()
    {
        if (Interlocked.Exchange(ref s_resolverInstalled, 1) != 0) return;
        NativeLibraryResolver.Register(Dnnl.Library, FileName);
        NativeLibraryResolver.Register(OpenMp.Library, OpenMpFileName);
        NativeLibraryResolver.Register(OpenMp.CLibrary, "libc.so.6");
    }
}
