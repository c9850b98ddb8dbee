// How image files become network inputs: the size they are resized to and whether color is dropped.
using System.Globalization;
using Microsoft.ML.Cnn.Mlcnn.Inputs;

namespace Microsoft.ML.Cnn.Mlcnn.Pipelines;

/// <summary>The --image-size and --grayscale settings.</summary>
/// <param name="Width">Resized width in pixels.</param>
/// <param name="Height">Resized height in pixels.</param>
/// <param name="Grayscale">One channel of luminance instead of three of color.</param>
internal sealed record ImageSettings(int Width, int Height, bool Grayscale)
{
    /// <summary>The size used when --image-size is not given.</summary>
    public const int DefaultSize = 32;

    /// <summary>Channels of the extracted pixels.</summary>
    public int Channels => Grayscale ? 1 : 3;

    /// <summary>The image settings for image files; IDX pixels take none (asking for a size there is a mistake).</summary>
    public static ImageSettings? For(DataSource source, string? imageSize, bool grayscale)
    {
        if (!source.HasImagePaths)
        {
            if (imageSize is not null) throw new UsageException($"--image-size applies to image files; {source} holds pixel arrays, used at their own size. Remove --image-size.");
            if (grayscale) throw new UsageException($"--grayscale applies to image files; {source} is grayscale already. Remove --grayscale.");
            return null;
        }
        var (width, height) = imageSize is null ? (DefaultSize, DefaultSize) : ParseSize(imageSize);
        return new ImageSettings(width, height, grayscale);
    }

    /// <summary>Reads "N" (N x N) or "WxH".</summary>
    /// <exception cref="UsageException">Not one or two positive integers.</exception>
    public static (int Width, int Height) ParseSize(string text)
    {
        var parts = text.Split('x', 'X');
        if (parts.Length is 1 or 2 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 4096))
        {
            int width = int.Parse(parts[0], CultureInfo.InvariantCulture);
            return (width, parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : width);
        }
        throw new UsageException($"--image-size '{text}' is not a size; write N for N x N pixels or WxH (e.g. 32 or 64x48), each 1 to 4096.");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Width}x{Height} {(Grayscale ? "grayscale" : "RGB")}";
}
