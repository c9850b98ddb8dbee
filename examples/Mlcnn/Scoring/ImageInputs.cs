// How decoded images reach a loaded model: past its LoadImages step, or (models trained on IDX pixels) through the
// IDX convention: resized to the network's H x W, luminance or RGB, scaled to [0, 1].
using Microsoft.ML.Cnn.Mlcnn.Pipelines;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Transforms.Image;

namespace Microsoft.ML.Cnn.Mlcnn.Scoring;

/// <summary>Builds the steps that take rows of <see cref="ImageBatchScorer.DecodedRow"/> to the model's scores.</summary>
internal static class ImageInputs
{
    /// <exception cref="UsageException">The LoadImages step uses other column names, or a pixel model's input is not (1 or 3, H, W).</exception>
    public static IReadOnlyList<ITransformer> StepsFromDecodedImages(MLContext ml, LoadedModel model)
    {
        if (model.ImageLoader is { } loader)
        {
            if (loader.InputColumnName != nameof(ImageBatchScorer.DecodedRow.ImagePath) || loader.OutputColumnName != nameof(ImageBatchScorer.DecodedRow.Image))
                throw new UsageException($"The model '{model.Path}' loads images from column '{loader.InputColumnName}' into '{loader.OutputColumnName}'; " +
                    "mlcnn score handles pipelines that load 'ImagePath' into 'Image', as 'mlcnn train' and the examples build them.");
            return model.Steps.Where(step => step != loader).ToList();
        }
        var shape = model.InputShape;
        if (shape.Rank != 3 || shape[0] is not (1 or 3))
            throw new UsageException($"The model '{model.Path}' takes pixel vectors of shape {shape}, which images cannot be turned into (that needs 1 or 3 channels, height, width).");
        var empty = ml.Data.LoadFromEnumerable(new List<ImageBatchScorer.DecodedRow>());
        var toFeatures = ml.Transforms.ResizeImages(PipelineSteps.ImageColumn, shape[2], shape[1], nameof(ImageBatchScorer.DecodedRow.Image))
            .Append(ml.Transforms.ExtractPixels(model.Scorer.FeatureColumnName, PipelineSteps.ImageColumn,
                shape[0] == 1 ? ImagePixelExtractingEstimator.ColorBits.Grayscale : ImagePixelExtractingEstimator.ColorBits.Rgb, scaleImage: 1f / 255))
            .Fit(empty);
        return [.. PipelineSteps.Flatten(toFeatures), .. model.Steps];
    }
}
