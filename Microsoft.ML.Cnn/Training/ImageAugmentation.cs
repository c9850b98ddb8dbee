// Training-time image augmentation: random horizontal flips and random whole-pixel translations (torchvision's
// RandomCrop with padding, Keras's RandomTranslation) with a chosen border fill. Applied by the trainer to training
// batches only, never to validation or prediction. The augment code itself is in ImageAugmentation.Augment.cs.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Training;

/// <summary>Random transformations of [C, H, W] training images, drawn anew every time a sample is batched.</summary>
/// <param name="HorizontalFlip">Mirror each image left-right with probability 1/2 (right for most photos and clothing, wrong for digits and text).</param>
/// <param name="MaxTranslation">
/// Shift each image by a uniform whole number of pixels in [-MaxTranslation, MaxTranslation] along each axis, filling
/// the uncovered border as <see cref="FillMode"/> says: the same as padding by MaxTranslation and cropping back to the
/// original size at a random position (torchvision's <c>RandomCrop(size, padding)</c>).
/// </param>
/// <remarks>
/// A sample is flipped first, then shifted. <see cref="MaxTranslation"/> (pixels) and the translation factors
/// (fractions of the size) are two ways to ask for the same shift; at most one of them may be set.
/// </remarks>
public sealed partial record ImageAugmentation(bool HorizontalFlip = false, int MaxTranslation = 0)
{
    /// <summary>
    /// Keras's <c>RandomTranslation</c> height factor: shift vertically by a uniform whole number of pixels in
    /// [-round(factor·H), round(factor·H)]. In [0, 1); 0 = no vertical shift from this setting.
    /// </summary>
    public float TranslationHeightFactor { get; init; }

    /// <summary>The horizontal counterpart of <see cref="TranslationHeightFactor"/> (a fraction of the width W).</summary>
    public float TranslationWidthFactor { get; init; }

    /// <summary>How the pixels a shift uncovers are filled. Default: zeros.</summary>
    public ImagePaddingMode FillMode { get; init; } = ImagePaddingMode.Zeros;

    /// <summary>Whether any translation is asked for (in pixels or as fractions).</summary>
    public bool HasTranslation => MaxTranslation != 0 || TranslationHeightFactor != 0 || TranslationWidthFactor != 0;

    /// <summary>The largest vertical and horizontal shifts, in pixels, for images of <paramref name="height"/> × <paramref name="width"/>.</summary>
    public (int Vertical, int Horizontal) MaxShifts(int height, int width) => MaxTranslation != 0
        ? (MaxTranslation, MaxTranslation)
        : ((int)MathF.Round(TranslationHeightFactor * height), (int)MathF.Round(TranslationWidthFactor * width));

    /// <summary>A readable summary for logs, e.g. "horizontal flips, shifts of up to 4 pixel(s) (Zeros fill)".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (HorizontalFlip) parts.Add("horizontal flips");
        if (MaxTranslation != 0) parts.Add($"shifts of up to {MaxTranslation} pixel(s) ({FillMode} fill)");
        else if (HasTranslation) parts.Add($"shifts of up to {TranslationHeightFactor:P0} of the height and {TranslationWidthFactor:P0} of the width ({FillMode} fill)");
        return parts.Count == 0 ? "no augmentation" : string.Join(", ", parts);
    }

    /// <summary>Checks the settings against a sample shape, with messages that say how to fix them.</summary>
    public void Validate(Shape sampleShape)
    {
        if (sampleShape.Rank != 3)
            throw new ArgumentException($"Image augmentation works on [C, H, W] samples; these samples are {sampleShape}. Remove the augmentation or reshape the data.");
        if (!Enum.IsDefined(FillMode))
            throw new ArgumentException($"FillMode {FillMode} is not an ImagePaddingMode; use Zeros, Reflect or Symmetric.");
        if (MaxTranslation != 0 && (TranslationHeightFactor != 0 || TranslationWidthFactor != 0))
            throw new ArgumentException($"Both a pixel translation (MaxTranslation {MaxTranslation}, e.g. from RandomCrop) and a fractional one (factors {TranslationHeightFactor}, {TranslationWidthFactor}, from RandomTranslation) are set; keep one of them.");
        CheckFactor(TranslationHeightFactor, nameof(TranslationHeightFactor));
        CheckFactor(TranslationWidthFactor, nameof(TranslationWidthFactor));
        int height = sampleShape[1], width = sampleShape[2];
        var (vertical, horizontal) = MaxShifts(height, width);
        int limit = Math.Min(height, width) - 1;
        if (MaxTranslation < 0 || MaxTranslation > limit)
            throw new ArgumentException($"MaxTranslation {MaxTranslation} must be in [0, {limit}] for {height}x{width} images.");
        if (vertical > height - 1 || horizontal > width - 1)
            throw new ArgumentException($"Translation factors ({TranslationHeightFactor}, {TranslationWidthFactor}) shift {height}x{width} images by up to ({vertical}, {horizontal}) pixels; a shift must stay below the image size, so lower the factors.");
    }

    /// <summary>
    /// This augmentation followed by <paramref name="next"/>, as one augmentation: flips combine (a random flip of a
    /// randomly flipped image is still flipped with probability 1/2); at most one of the two may translate.
    /// </summary>
    /// <exception cref="InvalidOperationException">Both translate.</exception>
    public ImageAugmentation Then(ImageAugmentation next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (HasTranslation && next.HasTranslation)
            throw new InvalidOperationException($"Two translations on one column ({Describe()} and then {next.Describe()}); a column takes one RandomCrop or RandomTranslation.");
        var translation = next.HasTranslation ? next : this;
        return translation with { HorizontalFlip = HorizontalFlip || next.HorizontalFlip };
    }

    /// <summary>A short description for messages, e.g. "horizontal flip, translation up to 4 pixels (Reflect)".</summary>
    public string Describe()
    {
        var parts = new List<string>(2);
        if (HorizontalFlip) parts.Add("horizontal flip");
        if (MaxTranslation != 0) parts.Add($"translation up to {MaxTranslation} pixels ({FillMode})");
        else if (HasTranslation) parts.Add($"translation up to ({TranslationHeightFactor}, {TranslationWidthFactor}) of the size ({FillMode})");
        return parts.Count == 0 ? "no augmentation" : string.Join(", ", parts);
    }

    private static void CheckFactor(float factor, string name)
    {
        if (!(factor >= 0 && factor < 1))
            throw new ArgumentException($"{name} {factor} must be in [0, 1): a fraction of the image size.");
    }
}

/// <summary>How an augmentation fills the border pixels a shift uncovers (names as in torchvision and numpy).</summary>
public enum ImagePaddingMode : byte
{
    /// <summary>With zeros.</summary>
    Zeros = 0,

    /// <summary>Mirrored at the edge pixel, which is not repeated: <c>c b | a b c d | c b</c> (torchvision "reflect", Keras "mirror").</summary>
    Reflect = 1,

    /// <summary>Mirrored with the edge pixel repeated: <c>b a | a b c d | d c</c> (torchvision "symmetric", Keras "reflect").</summary>
    Symmetric = 2,
}
