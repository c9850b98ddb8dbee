// Finds libstb.so.0 (Debian's libstb0 ships only the versioned soname) and says how to install it when it is missing.
using System.Runtime.InteropServices;
using Microsoft.ML.Cnn.Interop;

namespace Microsoft.ML.Cnn.Images.Native;

/// <summary>Loads stb_image for the <see cref="StbImage"/> imports.</summary>
public static class StbImageLibrary
{
    /// <summary>The file loaded for the stb_image imports.</summary>
    public const string FileName = "libstb.so.0";

    /// <summary>How to install the library, quoted in the "not available" message.</summary>
    public const string InstallHint = "Install stb_image: sudo apt-get install libstb0 (Debian/Ubuntu).";

    private static readonly Lazy<string?> s_failure = new(() => Probe(FileName));

    /// <summary>Whether <see cref="FileName"/> loads and exports stb_image (probed once per process).</summary>
    public static bool IsAvailable => s_failure.Value == null;

    /// <summary>Throws <see cref="DllNotFoundException"/> saying how to install the library unless it loads.</summary>
    public static void EnsureAvailable()
    {
        if (s_failure.Value is { } failure) throw new DllNotFoundException(failure);
    }

    /// <summary>Null when <paramref name="fileName"/> loads and exports stb_image; otherwise why not and how to fix it.</summary>
    internal static string? Probe(string fileName)
    {
        NativeLibraryResolver.Register(StbImage.Library, FileName);
        if (!NativeLibrary.TryLoad(fileName, out var library))
            return $"{fileName} not found: images cannot be decoded. {InstallHint}";
        try
        {
            return NativeLibrary.TryGetExport(library, "stbi_load_from_memory", out _)
                ? null
                : $"{fileName} loaded but exports no stbi_load_from_memory: it is not stb_image. {InstallHint}";
        }
        finally
        {
            NativeLibrary.Free(library);
        }
    }
}
