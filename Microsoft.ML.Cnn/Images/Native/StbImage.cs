// The four stb_image functions the decoder uses, bound from Debian's libstb.so.0 (package libstb0).
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Images.Native;

/// <summary>
/// P/Invoke declarations for stb_image. Call <see cref="StbImageLibrary.EnsureAvailable"/> first: it registers the
/// library file and turns a missing library into a message saying how to install it.
/// </summary>
internal static unsafe partial class StbImage
{
    /// <summary>The import name; <see cref="StbImageLibrary"/> maps it to <see cref="StbImageLibrary.FileName"/>.</summary>
    public const string Library = "stb_image";

    /// <summary>Decodes an encoded image to interleaved 8-bit pixels (free with <c>stbi_image_free</c>), or null on failure.</summary>
    [LibraryImport(Library, EntryPoint = "stbi_load_from_memory")]
    public static partial StbPixelsHandle LoadFromMemory(byte* buffer, int length, out int width, out int height,
        out int channelsInFile, int desiredChannels);

    /// <summary>Frees pixels returned by <see cref="LoadFromMemory"/>; only <see cref="StbPixelsHandle"/> calls it.</summary>
    [LibraryImport(Library, EntryPoint = "stbi_image_free")]
    public static partial void ImageFree(IntPtr pixels);

    /// <summary>
    /// The reason of the calling thread's last failure: a static string owned by stb (never freed), so it is read as a
    /// pointer rather than marshalled as a string (the string marshaller would free it).
    /// </summary>
    [LibraryImport(Library, EntryPoint = "stbi_failure_reason")]
    public static partial byte* FailureReason();

    /// <summary>Reads an image's dimensions and channel count from its header without decoding; 0 when unrecognised.</summary>
    [LibraryImport(Library, EntryPoint = "stbi_info_from_memory")]
    public static partial int InfoFromMemory(byte* buffer, int length, out int width, out int height, out int channels);

    /// <summary><see cref="FailureReason"/> as a string ("unknown" when stb set none).</summary>
    public static string LastFailureReason()
    {
        var reason = FailureReason();
        return reason == null ? "unknown" : Marshal.PtrToStringUTF8((IntPtr)reason) ?? "unknown";
    }
}
