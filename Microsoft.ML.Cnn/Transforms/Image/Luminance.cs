// The luminance ML.NET's ConvertToGrayscale uses (0.3 R + 0.59 G + 0.11 B), in exact integer arithmetic so every
// platform rounds alike; shared by ConvertToGrayscale and ExtractPixels' Grayscale plane.
namespace Microsoft.ML.Cnn.Transforms.Image;

/// <summary>Grey levels of RGB pixels.</summary>
internal static class Luminance
{
    /// <summary>round(0.30 R + 0.59 G + 0.11 B), half up.</summary>
    public static byte Of(byte red, byte green, byte blue) => (byte)((30 * red + 59 * green + 11 * blue + 50) / 100);
}
