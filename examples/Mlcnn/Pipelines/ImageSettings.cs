// How image files become network inputs: the size they are resized to, whether color is dropped, and how the
// channels are normalized (statistics fitted on the training images, or torchvision's ImageNet constants).
using System.Globalization;
using Microsoft.ML.Cnn.Mlcnn.Inputs;

namespace Microsoft.ML.Cnn.Mlcnn.Pipelines;

/// <summary>The channel normalizations --normalize offers (after scaling pixels to [0, 1]).</summary>
internal enum ImageNormalization
{
    /// <summary>Each channel's mean and standard deviation, measured on the training images.</summary>
    Fitted,

    /// <summary>torchvision's ImageNet mean and std, which its pretrained weights expect (RGB only).</summary>
    ImageNet,
}

/// <summary>The --image-size, --grayscale and --normalize settings.</summary>
/// <param name="Width">Resized width in pixels.</param>
/// <param name="Height">Resized height in pixels.</param>
/// <param name="Grayscale">One channel of luminance instead of three of color.</param>
/// <param name="Normalization">How the channels are normalized.</param>
internal sealed record ImageSettings(int Width, int Height, bool Grayscale, ImageNormalization Normalization = ImageNormalization.Fitted)
{
    /// <summary>The size used when --image-size is not given.</summary>
    public const int DefaultSize = 32;

    /// <summary>torchvision's ImageNet channel means (R, G, B) for pixels in [0, 1].</summary>
    public static readonly float[] ImageNetMean = [0.485f, 0.456f, 0.406f];

    /// <summary>torchvision's ImageNet channel standard deviations (R, G, B) for pixels in [0, 1].</summary>
    public static readonly float[] ImageNetStd = [0.229f, 0.224f, 0.225f];

    /// <summary>Channels of the extracted pixels.</summary>
    public int Channels => Grayscale ? 1 : 3;

    /// <summary>
    /// The image settings for image files; IDX pixels take none (asking for a size or a normalization there is a
    /// mistake). <paramref name="normalization"/> null means the default, <see cref="ImageNormalization.Fitted"/>.
    /// </summary>
    public static ImageSettings? For(DataSource source, string? imageSize, bool grayscale, ImageNormalization? normalization = null)
    {
        if (!source.HasImagePaths)
        {
            if (imageSize is not null) throw new UsageException($"--image-size applies to image files; {source} holds pixel arrays, used at their own size. Remove --image-size.");
            if (grayscale) throw new UsageException($"--grayscale applies to image files; {source} is grayscale already. Remove --grayscale.");
            if (normalization is not null)
                throw new UsageException($"--normalize applies to image files; {source} holds grayscale pixel arrays, used scaled to [0, 1] without normalization. Remove --normalize.");
            return null;
        }
        if (grayscale && normalization == ImageNormalization.ImageNet)
            throw new UsageException("--normalize imagenet needs RGB pixels (ImageNet's mean and std are per color channel); remove --grayscale, or use --normalize fitted for grayscale images.");
        var (width, height) = imageSize is null ? (DefaultSize, DefaultSize) : ParseSize(imageSize);
        return new ImageSettings(width, height, grayscale, normalization ?? ImageNormalization.Fitted);
    }

    /// <summary>How the pixels reach the network, for reports.</summary>
    public string PixelDescription => Normalization == ImageNormalization.ImageNet
        ? "pixels scaled to [0, 1], normalized with ImageNet's mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225)"
        : "pixels scaled to [0, 1], normalized per channel (mean and std fitted on the training images)";

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
    public override string ToString() => $"{Width}x{Height} {(Grayscale ? "grayscale" : "RGB")}" +
        (Normalization == ImageNormalization.ImageNet ? ", ImageNet normalization" : "");
}
