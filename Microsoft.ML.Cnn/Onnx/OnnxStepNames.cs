// Names pipeline steps the way users wrote them (the catalog method and its columns), for the export report.
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Transforms;
using Microsoft.ML.Cnn.Transforms.Augmentation;
using Microsoft.ML.Cnn.Transforms.Conversion;
using Microsoft.ML.Cnn.Transforms.Image;
using Microsoft.ML.Cnn.Transforms.Normalizers;

namespace Microsoft.ML.Cnn.Onnx;

internal static class OnnxStepNames
{
    /// <summary>E.g. <c>NormalizeImageChannels("Features" from "Features")</c>; the type name for steps of other libraries.</summary>
    public static string Describe(ITransformer step) => step switch
    {
        ImageLoadingTransformer => "LoadImages",
        ImageResizingTransformer => "ResizeImages",
        ImageGrayscalingTransformer => "ConvertToGrayscale",
        ImagePixelExtractingTransformer p => $"ExtractPixels{Columns(p.OutputColumnName, p.InputColumnName)}",
        ImageChannelNormalizingTransformer n => $"NormalizeImageChannels{Columns(n.OutputColumnName, n.InputColumnName)}",
        NormalizingTransformer { ModelParameters: CdfNormalizerModelParameters } n => $"NormalizeMeanVariance (CDF){Columns(n.OutputColumnName, n.InputColumnName)}",
        NormalizingTransformer n => $"Normalize (affine){Columns(n.OutputColumnName, n.InputColumnName)}",
        ImageAugmentingTransformer a => $"{a.Augmentation.Describe()} on \"{a.ColumnName}\"",
        ColumnCopyingTransformer c => $"CopyColumns({string.Join(", ", c.Columns.Select(p => $"\"{p.OutputColumnName}\" from \"{p.InputColumnName}\""))})",
        ColumnConcatenatingTransformer => "Concatenate",
        ValueToKeyMappingTransformer => "MapValueToKey",
        KeyToValueMappingTransformer => "MapKeyToValue",
        CnnMulticlassPredictionTransformer m => $"Cnn multiclass scoring (\"{m.FeatureColumnName}\")",
        CnnBinaryPredictionTransformer b => $"Cnn binary scoring (\"{b.FeatureColumnName}\")",
        CnnRegressionPredictionTransformer r => $"Cnn regression scoring (\"{r.FeatureColumnName}\")",
        _ => step.GetType().Name,
    };

    private static string Columns(string output, string input) => $"(\"{output}\" from \"{input}\")";
}
