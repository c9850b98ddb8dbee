// Decodes JPEG, PNG, BMP and GIF (first frame) bytes with stb_image into managed pixels, checking the size limits
// from the header before decoding and freeing stb's buffer as soon as it is copied.
using Microsoft.ML.Cnn.Images.Native;

namespace Microsoft.ML.Cnn.Images;

/// <summary>The stb_image decode behind the <see cref="MLImage"/> factories.</summary>
internal static class ImageDecoder
{
    /// <summary>
    /// Decodes <paramref name="encoded"/>; grayscale files become <see cref="MLPixelFormat.Gray8"/>, all others
    /// <see cref="MLPixelFormat.Rgba32"/>. Failures throw <see cref="InvalidDataException"/> naming <paramref name="source"/>.
    /// </summary>
    public static unsafe MLImage Decode(ReadOnlySpan<byte> encoded, string source, ImageDecodeLimits limits)
    {
        StbImageLibrary.EnsureAvailable();
        if (encoded.Length > limits.MaxEncodedBytes) throw TooLarge(source, encoded.Length, limits);
        if (encoded.IsEmpty) throw new InvalidDataException($"Cannot decode {source}: it is empty (0 bytes).");
        fixed (byte* bytes = encoded)
        {
            // stb keeps its failure reason per thread (this build defines STBI_THREAD_LOCAL), so no lock is needed.
            if (StbImage.InfoFromMemory(bytes, encoded.Length, out int width, out int height, out int channels) == 0)
                throw Undecodable(source);
            if ((long)width * height > limits.MaxPixelCount)
                throw new InvalidDataException($"Cannot decode {source}: {width}x{height} = {(long)width * height} pixels exceeds the limit of {limits.MaxPixelCount} (ImageDecodeLimits.MaxPixelCount).");
            var format = channels == 1 ? MLPixelFormat.Gray8 : MLPixelFormat.Rgba32;
            int wanted = format.BytesPerPixel();
            using var pixels = StbImage.LoadFromMemory(bytes, encoded.Length, out width, out height, out _, wanted);
            if (pixels.IsInvalid) throw Undecodable(source);
            var copy = new ReadOnlySpan<byte>((void*)pixels.DangerousGetHandle(), checked(width * height * wanted)).ToArray();
            return MLImage.Wrap(width, height, format, copy);
        }
    }

    /// <summary>The error for an input over <see cref="ImageDecodeLimits.MaxEncodedBytes"/>.</summary>
    public static InvalidDataException TooLarge(string source, long length, ImageDecodeLimits limits) =>
        new($"Cannot decode {source}: {length} bytes exceeds the limit of {limits.MaxEncodedBytes} (ImageDecodeLimits.MaxEncodedBytes).");

    private static InvalidDataException Undecodable(string source) =>
        new($"Cannot decode {source}: stb_image says '{StbImage.LastFailureReason()}'. Supported formats: JPEG, PNG, BMP, GIF (first frame); the file may be corrupt or truncated.");
}
