// A small picture for the report: 8-bit gray or RGB pixels, made from a decoded image or from a feature vector
// (C, H, W) whose values are stretched to 0..255 (normalized features have no fixed range).
using Microsoft.ML.Cnn.Images;

namespace Microsoft.ML.Cnn.Mlcnn.Reports;

/// <summary>Pixels of a thumbnail, rows top to bottom, channels interleaved (1 = gray, 3 = RGB).</summary>
internal sealed record Thumbnail(int Width, int Height, int Channels, byte[] Pixels)
{
    /// <summary>The image's pixels, gray or RGB (alpha dropped).</summary>
    public static Thumbnail FromImage(MLImage image)
    {
        var source = image.GetPixels();
        if (image.PixelFormat == MLPixelFormat.Gray8) return new Thumbnail(image.Width, image.Height, 1, source.ToArray());
        var rgb = new byte[image.Width * image.Height * 3];
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            rgb[q] = source[p];
            rgb[q + 1] = source[p + 1];
            rgb[q + 2] = source[p + 2];
        }
        return new Thumbnail(image.Width, image.Height, 3, rgb);
    }

    /// <summary>
    /// A planar (C, H, W) feature vector with C = 1 or 3, each channel stretched from its own minimum and maximum to
    /// 0..255; null for other channel counts.
    /// </summary>
    public static Thumbnail? FromFeatures(ReadOnlySpan<float> values, int channels, int height, int width)
    {
        if (channels is not (1 or 3) || values.Length != channels * height * width) return null;
        int plane = height * width;
        var pixels = new byte[values.Length];
        for (int c = 0; c < channels; c++)
        {
            var channel = values.Slice(c * plane, plane);
            float min = float.PositiveInfinity, max = float.NegativeInfinity;
            foreach (float v in channel)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
            float scale = max > min ? 255f / (max - min) : 0f;
            for (int i = 0; i < plane; i++) pixels[i * channels + c] = (byte)Math.Clamp(MathF.Round((channel[i] - min) * scale), 0f, 255f);
        }
        return new Thumbnail(width, height, channels, pixels);
    }
}
