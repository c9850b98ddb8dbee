// mlContext.Transforms.ConvertToGrayscale: a trivial estimator around ImageGrayscalingTransformer.
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Image;

/// <summary>Converts images to grayscale.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Estimator Characteristics
/// |  |  |
/// | -- | -- |
/// | Does this estimator need to look at the data to train its parameters? | No |
/// | Input column data type | Image (MLImage) |
/// | Output column data type | Image of the same size, in MLPixelFormat.Gray8 |
/// ]]></format>
/// Each pixel becomes round(0.3 R + 0.59 G + 0.11 B), ML.NET's weights; alpha is dropped. Unlike ML.NET (which keeps
/// four equal channels) the result is a one-channel Gray8 image, so <c>ExtractPixels</c> with
/// <see cref="ImagePixelExtractingEstimator.ColorBits.Grayscale"/> (or <c>Red</c>) yields one plane.
/// </remarks>
public sealed class ImageGrayscalingEstimator : TrivialEstimator<ImageGrayscalingTransformer>
{
    /// <summary>See <see cref="ImageGrayscalingTransformer(string, string?)"/>.</summary>
    public ImageGrayscalingEstimator(string outputColumnName, string? inputColumnName = null)
        : base(new ImageGrayscalingTransformer(outputColumnName, inputColumnName)) { }

    /// <inheritdoc/>
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var input = SchemaErrors.Find(inputSchema, Transformer.InputColumnName);
        if (input.Kind != SchemaShape.VectorKind.Scalar || input.ItemType is not ImageDataViewType)
            throw SchemaErrors.Mismatch(input.Name, ImageResizingTransformer.ExpectedInput, input.GetTypeString());
        var result = new List<SchemaShape.Column>(inputSchema);
        result.RemoveAll(c => c.Name == Transformer.OutputColumnName);
        result.Add(new SchemaShape.Column(Transformer.OutputColumnName, SchemaShape.VectorKind.Scalar, input.ItemType, false));
        return new SchemaShape(result);
    }
}
