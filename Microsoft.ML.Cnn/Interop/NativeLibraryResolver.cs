// The assembly's one DllImport resolver: .NET allows a single resolver per assembly, so every native binding
// (oneDNN, stb_image) registers its import names here instead of installing its own.
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Interop;

/// <summary>Maps the library names used in <c>[LibraryImport]</c> to the files loaded for them.</summary>
internal static class NativeLibraryResolver
{
    private static readonly ConcurrentDictionary<string, string> s_files = new(StringComparer.Ordinal);
    private static int s_installed;

    /// <summary>Loads <paramref name="fileName"/> whenever an import names <paramref name="importName"/>.</summary>
    public static void Register(string importName, string fileName)
    {
        s_files[importName] = fileName;
        if (Interlocked.Exchange(ref s_installed, 1) == 0)
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        s_files.TryGetValue(name, out var file) ? NativeLibrary.Load(file) : IntPtr.Zero;
}
