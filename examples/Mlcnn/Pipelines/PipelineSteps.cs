// The pipeline steps mlcnn puts around the trainer: image files to normalized pixels before it, the chosen
// augmentations in front of it (training only), and class names after it. Column names are fixed here.
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Transforms.Conversion;
using Microsoft.ML.Cnn.Transforms.Image;

namespace Microsoft.ML.Cnn.Mlcnn.Pipelines;

/// <summary>Builds the estimators of an mlcnn pipeline.</summary>
internal static class PipelineSteps
{
    /// <summary>The decoded (then resized) image column.</summary>
    public const string ImageColumn = "Image";

    /// <summary>The network input column: Vector&lt;Single, C, H, W&gt;.</summary>
    public const string FeaturesColumn = "Features";

    /// <summary>The predicted class name, added after the trainer.</summary>
    public const string PredictedClassColumn = "PredictedClass";

    /// <summary>
    /// Image paths and text labels to normalized features: MapValueToKey (classes sorted by name), LoadImages,
    /// ResizeImages, ExtractPixels (RGB or luminance, scaled to [0, 1]) and NormalizeImageChannels (fitted, or with
    /// ImageNet's constants).
    /// </summary>
    public static IEstimator<ITransformer> ImagePreprocessing(MLContext ml, ImageSettings image, InvalidImageHandling invalidImages) =>
        ml.Transforms.Conversion.MapValueToKey(LabelledData.LabelColumn, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.LoadImages(ImageColumn, imageFolder: null, LabelledData.ImagePathColumn, invalidImages: invalidImages))
            .Append(ml.Transforms.ResizeImages(ImageColumn, image.Width, image.Height))
            .Append(PixelExtraction(ml, image.Grayscale))
            .Append(image.Normalization == ImageNormalization.ImageNet
                ? ml.Transforms.NormalizeImageChannels(FeaturesColumn, mean: [.. ImageSettings.ImageNetMean], std: [.. ImageSettings.ImageNetStd])
                : ml.Transforms.NormalizeImageChannels(FeaturesColumn));

    /// <summary>ExtractPixels into <see cref="FeaturesColumn"/>: RGB or one luminance plane, scaled to [0, 1].</summary>
    public static ImagePixelExtractingEstimator PixelExtraction(MLContext ml, bool grayscale) =>
        ml.Transforms.ExtractPixels(FeaturesColumn, ImageColumn,
            grayscale ? ImagePixelExtractingEstimator.ColorBits.Grayscale : ImagePixelExtractingEstimator.ColorBits.Rgb, scaleImage: 1f / 255);

    /// <summary>The augmentations asked for, in a fixed order (flip, crop, translate); empty when none.</summary>
    public static List<IEstimator<ITransformer>> Augmentations(MLContext ml, TrainingSettings settings)
    {
        var steps = new List<IEstimator<ITransformer>>();
        if (settings.Flip) steps.Add(ml.Transforms.RandomHorizontalFlip(FeaturesColumn));
        if (settings.CropPadding > 0) steps.Add(ml.Transforms.RandomCrop(FeaturesColumn, settings.CropPadding));
        if (settings.TranslateFraction > 0) steps.Add(ml.Transforms.RandomTranslation(FeaturesColumn, settings.TranslateFraction, settings.TranslateFraction));
        return steps;
    }

    /// <summary>Key to class name after the trainer.</summary>
    public static IEstimator<ITransformer> ClassNames(MLContext ml) =>
        ml.Transforms.Conversion.MapKeyToValue(PredictedClassColumn, "PredictedLabel");

    /// <summary>The transformers of <paramref name="model"/> with nested chains opened, in order.</summary>
    public static IEnumerable<ITransformer> Flatten(ITransformer model) => model is IEnumerable<ITransformer> chain
        ? chain.SelectMany(Flatten)
        : [model];
}
