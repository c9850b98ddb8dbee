// mlContext.Transforms.ExtractPixels: a trivial estimator around ImagePixelExtractingTransformer, with ML.NET's
// ColorBits (plus a Grayscale plane) and ColorsOrder.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Image;

/// <summary>Extracts the pixels of known-size images into a vector, planar (C, H, W) or interleaved (H, W, C).</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Estimator Characteristics
/// |  |  |
/// | -- | -- |
/// | Does this estimator need to look at the data to train its parameters? | No |
/// | Input column data type | Image of known size (from ResizeImages) |
/// | Output column data type | Known-size vector of Single (or Byte), dimensions (C, H, W) or (H, W, C) |
/// ]]></format>
/// Each value is <c>(pixel - offsetImage) * scaleImage</c>, as in ML.NET (the offset is subtracted, then the result
/// scaled): <c>scaleImage: 1f / 255</c> maps bytes to [0, 1]. Gray8 images read as R = G = B = the grey level and
/// alpha 255. Every image must have the column type's size; one that differs fails its row.
/// </remarks>
public sealed class ImagePixelExtractingEstimator : TrivialEstimator<ImagePixelExtractingTransformer>
{
    /// <summary>The color planes extracted (ML.NET's flags, plus <see cref="Grayscale"/>).</summary>
    [Flags]
    public enum ColorBits : byte
    {
        /// <summary>The alpha (opacity) plane.</summary>
        Alpha = 0x01,
        /// <summary>The red plane.</summary>
        Red = 0x02,
        /// <summary>The green plane.</summary>
        Green = 0x04,
        /// <summary>The blue plane.</summary>
        Blue = 0x08,
        /// <summary>Red, green and blue.</summary>
        Rgb = Red | Green | Blue,
        /// <summary>Alpha, red, green and blue.</summary>
        All = Alpha | Red | Green | Blue,
        /// <summary>
        /// This project's addition: one plane of luminance, round(0.3 R + 0.59 G + 0.11 B) (the grey level itself for a
        /// Gray8 image), as ConvertToGrayscale computes it. Combines with <see cref="Alpha"/> only.
        /// </summary>
        Grayscale = 0x10,
    }

    /// <summary>The order of the planes (alpha, when extracted, always comes first).</summary>
    public enum ColorsOrder : byte
    {
        /// <summary>Alpha, red, green, blue.</summary>
        ARGB = 1,
        /// <summary>Alpha, red, blue, green.</summary>
        ARBG = 2,
        /// <summary>Alpha, blue, red, green.</summary>
        ABRG = 3,
        /// <summary>Alpha, blue, green, red.</summary>
        ABGR = 4,
        /// <summary>Alpha, green, red, blue.</summary>
        AGRB = 5,
        /// <summary>Alpha, green, blue, red.</summary>
        AGBR = 6,
    }

    /// <summary>See <see cref="ImagePixelExtractingTransformer(string, string?, ColorBits, ColorsOrder, bool, float, float, bool)"/>.</summary>
    public ImagePixelExtractingEstimator(string outputColumnName, string? inputColumnName = null, ColorBits colorsToExtract = ColorBits.Rgb,
        ColorsOrder orderOfExtraction = ColorsOrder.ARGB, bool interleavePixelColors = false, float offsetImage = 0f, float scaleImage = 1f,
        bool outputAsFloatArray = true)
        : base(new ImagePixelExtractingTransformer(outputColumnName, inputColumnName, colorsToExtract, orderOfExtraction,
            interleavePixelColors, offsetImage, scaleImage, outputAsFloatArray)) { }

    /// <inheritdoc/>
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var input = SchemaErrors.Find(inputSchema, Transformer.InputColumnName);
        if (input.Kind != SchemaShape.VectorKind.Scalar || input.ItemType is not ImageDataViewType image)
            throw SchemaErrors.Mismatch(input.Name, ImagePixelExtractingTransformer.ExpectedInput, input.GetTypeString());
        Transformer.OutputType(input.Name, image);
        var result = new List<SchemaShape.Column>(inputSchema);
        result.RemoveAll(c => c.Name == Transformer.OutputColumnName);
        var item = Transformer.OutputAsFloatArray ? NumberDataViewType.Single : NumberDataViewType.Byte;
        result.Add(new SchemaShape.Column(Transformer.OutputColumnName, SchemaShape.VectorKind.Vector, item, false));
        return new SchemaShape(result);
    }
}
