// Owns one pixel buffer returned by stbi_load_from_memory, so it is freed exactly once even when copying it fails.
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Images.Native;

/// <summary>A pixel buffer allocated by stb_image; releasing it calls <c>stbi_image_free</c>.</summary>
internal sealed class StbPixelsHandle : SafeHandle
{
    /// <summary>An empty handle, filled in by the interop marshaller.</summary>
    public StbPixelsHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    /// <summary>True when stb returned null (the decode failed).</summary>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The number of handles released so far in this process, for tests that check buffers are freed.</summary>
    internal static long ReleasedCount => Interlocked.Read(ref s_releasedCount);

    private static long s_releasedCount;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        StbImage.ImageFree(handle);
        Interlocked.Increment(ref s_releasedCount);
        return true;
    }
}
