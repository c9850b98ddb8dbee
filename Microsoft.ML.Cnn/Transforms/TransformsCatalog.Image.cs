// mlContext.Transforms' image steps after LoadImages, with ML.NET's names, parameters and defaults
// (ImageEstimatorsCatalog): ResizeImages, ConvertToGrayscale, ExtractPixels.
using Microsoft.ML.Cnn.Transforms.Image;

namespace Microsoft.ML.Cnn.Transforms;

public sealed partial class TransformsCatalog
{
    /// <summary>
    /// Resizes the images of <paramref name="inputColumnName"/> (default: <paramref name="outputColumnName"/>) to
    /// <paramref name="imageWidth"/> × <paramref name="imageHeight"/> (antialiased bilinear resampling), fitting other
    /// aspect ratios as <paramref name="resizing"/> says.
    /// </summary>
    public ImageResizingEstimator ResizeImages(string outputColumnName, int imageWidth, int imageHeight, string? inputColumnName = null,
        ImageResizingEstimator.ResizingKind resizing = ImageResizingEstimator.ResizingKind.IsoCrop,
        ImageResizingEstimator.Anchor cropAnchor = ImageResizingEstimator.Anchor.Center) =>
        new(outputColumnName, imageWidth, imageHeight, inputColumnName, resizing, cropAnchor);

    /// <summary>
    /// Converts the images of <paramref name="inputColumnName"/> (default: <paramref name="outputColumnName"/>) to
    /// one-channel grayscale (0.3 R + 0.59 G + 0.11 B).
    /// </summary>
    public ImageGrayscalingEstimator ConvertToGrayscale(string outputColumnName, string? inputColumnName = null) =>
        new(outputColumnName, inputColumnName);

    /// <summary>
    /// Extracts the pixels of the known-size images of <paramref name="inputColumnName"/> (default:
    /// <paramref name="outputColumnName"/>) into a vector: (C, H, W), or (H, W, C) when
    /// <paramref name="interleavePixelColors"/>; each value is <c>(pixel - offsetImage) * scaleImage</c>.
    /// </summary>
    public ImagePixelExtractingEstimator ExtractPixels(string outputColumnName, string? inputColumnName = null,
        ImagePixelExtractingEstimator.ColorBits colorsToExtract = ImagePixelExtractingEstimator.ColorBits.Rgb,
        ImagePixelExtractingEstimator.ColorsOrder orderOfExtraction = ImagePixelExtractingEstimator.ColorsOrder.ARGB,
        bool interleavePixelColors = false, float offsetImage = 0f, float scaleImage = 1f, bool outputAsFloatArray = true) =>
        new(outputColumnName, inputColumnName, colorsToExtract, orderOfExtraction, interleavePixelColors, offsetImage, scaleImage, outputAsFloatArray);
}
