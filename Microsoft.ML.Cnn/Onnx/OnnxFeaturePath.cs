// Walks a fitted chain back from the Cnn scoring step's feature column to where its values come from, collecting the
// affine steps on the way (normalizers, ExtractPixels' offset and scale) to export in front of the network.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Transforms;
using Microsoft.ML.Cnn.Transforms.Augmentation;
using Microsoft.ML.Cnn.Transforms.Image;
using Microsoft.ML.Cnn.Transforms.Normalizers;

namespace Microsoft.ML.Cnn.Onnx;

/// <summary>
/// Where the model's input comes from: the column the ONNX input stands for, what to feed it, the affine steps between
/// it and the network (in order), what each step on the way became, and the index of the step that made the input
/// (-1 when the input data holds it; <see cref="OriginExported"/> says whether that step is in the model).
/// </summary>
internal sealed record OnnxFeaturePath(string InputColumn, string InputDescription, IReadOnlyList<OnnxInputTransform> Transforms,
    IReadOnlyDictionary<int, string> ExportedSteps, int OriginIndex, bool OriginExported)
{
    /// <summary>
    /// Follows <paramref name="featureColumn"/> back from step <paramref name="scorerIndex"/>; <paramref name="schemas"/>[i]
    /// is the schema step i reads (so [i + 1] is what it writes).
    /// </summary>
    public static OnnxFeaturePath Find(IReadOnlyList<ITransformer> steps, IReadOnlyList<DataViewSchema> schemas, int scorerIndex, string featureColumn)
    {
        var transforms = new List<OnnxInputTransform>();
        var exported = new Dictionary<int, string>();
        string column = featureColumn;
        for (int i = scorerIndex - 1; i >= 0; i--)
        {
            if (!Writes(schemas[i], schemas[i + 1], column)) continue;
            string step = OnnxStepNames.Describe(steps[i]);
            switch (steps[i])
            {
                case ImageAugmentingTransformer:
                    exported[i] = $"{step}: the identity when scoring (nothing to export)";
                    continue;
                case ColumnCopyingTransformer copy:
                    column = copy.Columns.Last(c => c.OutputColumnName == column).InputColumnName;
                    exported[i] = $"{step}: a copy (the model reads the source column)";
                    continue;
                case ImageChannelNormalizingTransformer channels:
                    transforms.Add(ChannelTransform(channels));
                    exported[i] = $"{step}: (x - mean) * (1 / std) per channel, as Sub and Mul nodes";
                    column = channels.InputColumnName;
                    continue;
                case NormalizingTransformer { ModelParameters: AffineNormalizerModelParameters affine } normalizer:
                    transforms.Add(SlotTransform(normalizer, affine));
                    exported[i] = $"{step}: (x - offset) * scale per value, as Sub and Mul nodes";
                    column = normalizer.InputColumnName;
                    continue;
                case ImagePixelExtractingTransformer { OutputAsFloatArray: true } pixels:
                    transforms.Add(new OnnxInputTransform("ExtractPixels", [], [pixels.OffsetImage], [pixels.ScaleImage]));
                    exported[i] = $"{step}: its offset {pixels.OffsetImage} and scale {pixels.ScaleImage} (the model takes raw pixel values)";
                    transforms.Reverse();
                    return new OnnxFeaturePath(column, RawPixels(pixels), transforms, exported, i, OriginExported: true);
                default:
                    transforms.Reverse();
                    return new OnnxFeaturePath(column, $"the column '{column}' as {step} writes it (that step has no ONNX form here)", transforms, exported, i, OriginExported: false);
            }
        }
        transforms.Reverse();
        return new OnnxFeaturePath(column, $"the input data's column '{column}'", transforms, exported, -1, OriginExported: false);
    }

    /// <summary>True when step i adds (or replaces) <paramref name="column"/>: a new column of that name appears.</summary>
    private static bool Writes(DataViewSchema before, DataViewSchema after, string column)
    {
        var old = before.GetColumnOrNull(column);
        var now = after.GetColumnOrNull(column);
        return old is null || now is null || old.Value.Index != now.Value.Index;
    }

    private static OnnxInputTransform ChannelTransform(ImageChannelNormalizingTransformer normalizer)
    {
        int channels = normalizer.Mean.Count;
        var scale = new float[channels];
        for (int c = 0; c < channels; c++) scale[c] = normalizer.StandardDeviation[c] == 0 ? 0f : 1f / normalizer.StandardDeviation[c];
        // (C, 1, 1) lines up with planar (C, H, W); (C) with interleaved (H, W, C).
        int[] dims = normalizer.InterleavePixelColors ? [channels] : [channels, 1, 1];
        return new OnnxInputTransform("NormalizeImageChannels", dims, [.. normalizer.Mean], scale);
    }

    private static OnnxInputTransform SlotTransform(NormalizingTransformer normalizer, AffineNormalizerModelParameters affine)
    {
        int[] dims = normalizer.InputType is VectorDataViewType vector ? [.. vector.Dimensions] : [1];
        return new OnnxInputTransform("Normalize", dims, [.. affine.Offset], [.. affine.Scale]);
    }

    private static string RawPixels(ImagePixelExtractingTransformer pixels) =>
        $"raw pixel values (0 to 255), as ExtractPixels(\"{pixels.OutputColumnName}\", \"{pixels.InputColumnName}\") writes them with colors " +
        $"{pixels.ColorsToExtract}, order {pixels.OrderOfExtraction}, {(pixels.InterleavePixelColors ? "interleaved (H, W, C)" : "planar (C, H, W)")} " +
        "and the default offsetImage 0 and scaleImage 1";
}
