// mlContext.Transforms' training-time augmentation steps (this project's addition; ML.NET has none): each marks a
// (C, H, W) feature column for the Cnn trainers and leaves its values alone.
using Microsoft.ML.Cnn.Training;
using Microsoft.ML.Cnn.Transforms.Augmentation;

namespace Microsoft.ML.Cnn.Transforms;

public sealed partial class TransformsCatalog
{
    /// <summary>
    /// Mirrors each training image of <paramref name="columnName"/> left-right with probability 1/2 (torchvision's
    /// <c>RandomHorizontalFlip</c>, Keras's <c>RandomFlip("horizontal")</c>). Identity at scoring.
    /// </summary>
    /// <param name="columnName">A (C, H, W) Single vector column, e.g. from ExtractPixels; marked in place.</param>
    public ImageAugmentingEstimator RandomHorizontalFlip(string columnName) =>
        new(columnName, new ImageAugmentation(HorizontalFlip: true));

    /// <summary>
    /// Pads each training image of <paramref name="columnName"/> by <paramref name="padding"/> pixels on every side and
    /// crops it back to its size at a uniformly random position (torchvision's <c>RandomCrop(size, padding, padding_mode)</c>):
    /// a whole-pixel shift in [-padding, padding] along each axis. Identity at scoring.
    /// </summary>
    /// <param name="columnName">A (C, H, W) Single vector column, e.g. from ExtractPixels; marked in place.</param>
    /// <param name="padding">The padding, in pixels: at least 1 and below the image's height and width.</param>
    /// <param name="paddingMode">How the padding is filled: zeros (the default), or the image mirrored.</param>
    public ImageAugmentingEstimator RandomCrop(string columnName, int padding, ImagePaddingMode paddingMode = ImagePaddingMode.Zeros)
    {
        if (padding < 1) throw new ArgumentOutOfRangeException(nameof(padding), padding, "padding must be at least 1 pixel.");
        return new(columnName, new ImageAugmentation(MaxTranslation: padding) { FillMode = CheckMode(paddingMode, nameof(paddingMode)) });
    }

    /// <summary>
    /// Shifts each training image of <paramref name="columnName"/> by a random whole number of pixels, up to
    /// <paramref name="heightFactor"/> of its height vertically and <paramref name="widthFactor"/> of its width
    /// horizontally, in either direction (Keras's <c>RandomTranslation</c> with nearest interpolation). Identity at scoring.
    /// </summary>
    /// <param name="columnName">A (C, H, W) Single vector column, e.g. from ExtractPixels; marked in place.</param>
    /// <param name="heightFactor">The largest vertical shift as a fraction of the height, in [0, 1).</param>
    /// <param name="widthFactor">The largest horizontal shift as a fraction of the width, in [0, 1).</param>
    /// <param name="fillMode">How uncovered pixels are filled; the default, <see cref="ImagePaddingMode.Symmetric"/>, is Keras's default "reflect".</param>
    public ImageAugmentingEstimator RandomTranslation(string columnName, float heightFactor, float widthFactor,
        ImagePaddingMode fillMode = ImagePaddingMode.Symmetric)
    {
        if (!(heightFactor >= 0 && heightFactor < 1)) throw new ArgumentOutOfRangeException(nameof(heightFactor), heightFactor, "heightFactor must be in [0, 1): a fraction of the height.");
        if (!(widthFactor >= 0 && widthFactor < 1)) throw new ArgumentOutOfRangeException(nameof(widthFactor), widthFactor, "widthFactor must be in [0, 1): a fraction of the width.");
        if (heightFactor == 0 && widthFactor == 0) throw new ArgumentException("Give a positive heightFactor or widthFactor; both 0 would never translate.", nameof(heightFactor));
        return new(columnName, new ImageAugmentation
        {
            TranslationHeightFactor = heightFactor,
            TranslationWidthFactor = widthFactor,
            FillMode = CheckMode(fillMode, nameof(fillMode)),
        });
    }

    private static ImagePaddingMode CheckMode(ImagePaddingMode mode, string name) => Enum.IsDefined(mode)
        ? mode
        : throw new ArgumentOutOfRangeException(name, mode, "Use ImagePaddingMode.Zeros, Reflect or Symmetric.");
}
