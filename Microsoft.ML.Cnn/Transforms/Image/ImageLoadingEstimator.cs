// mlContext.Transforms.LoadImages: a trivial estimator around ImageLoadingTransformer.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Image;

/// <summary>Loads images from paths or encoded bytes.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Estimator Characteristics
/// |  |  |
/// | -- | -- |
/// | Does this estimator need to look at the data to train its parameters? | No |
/// | Input column data type | String (image path) or known/variable-size vector of Byte (encoded image) |
/// | Output column data type | Image (MLImage) |
/// ]]></format>
/// Images are decoded by stb_image (JPEG, PNG, BMP, GIF first frame) when a cursor reads the row. A missing, corrupt,
/// truncated or unsupported image fails that read with an exception naming the path (or column) and the row, or, with
/// <see cref="InvalidImageHandling.SkipRow"/>, drops the row with a warning in <see cref="MLContext.Log"/>.
/// </remarks>
public sealed class ImageLoadingEstimator : TrivialEstimator<ImageLoadingTransformer>
{
    /// <summary>See <see cref="ImageLoadingTransformer(MLContext, string, string?, string?, ImageDecodeLimits?, InvalidImageHandling)"/>.</summary>
    public ImageLoadingEstimator(MLContext context, string outputColumnName, string? imageFolder, string? inputColumnName = null,
        ImageDecodeLimits? limits = null, InvalidImageHandling invalidImages = InvalidImageHandling.Fail)
        : base(new ImageLoadingTransformer(context, outputColumnName, imageFolder, inputColumnName, limits, invalidImages)) { }

    /// <inheritdoc/>
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var input = SchemaErrors.Find(inputSchema, Transformer.InputColumnName);
        bool isText = input.Kind == SchemaShape.VectorKind.Scalar && input.ItemType is TextDataViewType && !input.IsKey;
        bool isBytes = input.Kind != SchemaShape.VectorKind.Scalar && input.ItemType == NumberDataViewType.Byte && !input.IsKey;
        if (!isText && !isBytes) throw SchemaErrors.Mismatch(input.Name, ImageLoadingTransformer.ExpectedInput, input.GetTypeString());
        var result = new List<SchemaShape.Column>(inputSchema);
        result.RemoveAll(c => c.Name == Transformer.OutputColumnName);
        result.Add(new SchemaShape.Column(Transformer.OutputColumnName, SchemaShape.VectorKind.Scalar, new ImageDataViewType(), false));
        return new SchemaShape(result);
    }
}
