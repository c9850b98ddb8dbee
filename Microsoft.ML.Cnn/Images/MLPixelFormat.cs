// The pixel layouts an MLImage holds: 8 bits per channel, channels interleaved, rows top to bottom.
namespace Microsoft.ML.Cnn.Images;

/// <summary>How the bytes of one pixel of an <see cref="MLImage"/> are laid out.</summary>
public enum MLPixelFormat
{
    /// <summary>Four bytes per pixel: red, green, blue, alpha (255 = opaque).</summary>
    Rgba32,

    /// <summary>One byte per pixel: luminance.</summary>
    Gray8,
}

/// <summary>Facts about <see cref="MLPixelFormat"/> values.</summary>
public static class MLPixelFormatExtensions
{
    /// <summary>The bytes one pixel takes in <paramref name="format"/>.</summary>
    public static int BytesPerPixel(this MLPixelFormat format) => format switch
    {
        MLPixelFormat.Rgba32 => 4,
        MLPixelFormat.Gray8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown pixel format; use Rgba32 or Gray8."),
    };
}
