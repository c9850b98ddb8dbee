// Upper bounds checked before any buffer is allocated, so a hostile or mistaken file cannot exhaust memory.
namespace Microsoft.ML.Cnn.Images;

/// <summary>The largest encoded file and decoded image an <see cref="MLImage"/> factory accepts.</summary>
/// <param name="MaxEncodedBytes">The largest encoded image (file or stream) read, in bytes.</param>
/// <param name="MaxPixelCount">The largest width × height decoded.</param>
public sealed record ImageDecodeLimits(long MaxEncodedBytes, long MaxPixelCount)
{
    /// <summary>256 MiB encoded, 64 Mi pixels (8192 × 8192; 256 MiB as RGBA).</summary>
    public static ImageDecodeLimits Default { get; } = new(256L << 20, 64L << 20);

    /// <summary>Throws unless both limits are positive and fit what stb_image can address.</summary>
    internal void Validate()
    {
        if (MaxEncodedBytes <= 0 || MaxEncodedBytes > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(MaxEncodedBytes), MaxEncodedBytes, $"MaxEncodedBytes must be in 1..{int.MaxValue} (stb_image takes an int length).");
        if (MaxPixelCount <= 0 || MaxPixelCount > int.MaxValue / 4)
            throw new ArgumentOutOfRangeException(nameof(MaxPixelCount), MaxPixelCount, $"MaxPixelCount must be in 1..{int.MaxValue / 4} (an RGBA image must fit one array).");
    }
}
