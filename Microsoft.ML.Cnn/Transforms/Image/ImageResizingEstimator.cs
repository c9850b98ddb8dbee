// mlContext.Transforms.ResizeImages: a trivial estimator around ImageResizingTransformer, with ML.NET's resizing kinds
// and crop anchors.
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Image;

/// <summary>Resizes images to one width and height.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Estimator Characteristics
/// |  |  |
/// | -- | -- |
/// | Does this estimator need to look at the data to train its parameters? | No |
/// | Input column data type | Image (MLImage), any size |
/// | Output column data type | Image of the requested height and width |
/// ]]></format>
/// Resampling is Pillow's antialiased bilinear filter: bilinear interpolation when enlarging, and when shrinking a
/// triangle filter widened by the shrink factor, so every source pixel contributes (area-like averaging, no aliasing).
/// Images already of the requested size pass through unchanged. Pixel format (RGBA or gray) is kept; channels,
/// alpha included, are resampled independently.
/// </remarks>
public sealed class ImageResizingEstimator : TrivialEstimator<ImageResizingTransformer>
{
    /// <summary>How an image of another aspect ratio is fitted into the requested size.</summary>
    public enum ResizingKind : byte
    {
        /// <summary>Scaled uniformly to fit inside, centred, the rest padded with zeros (transparent black).</summary>
        IsoPad = 0,

        /// <summary>Scaled uniformly to cover, the overflow cropped at the <see cref="Anchor"/>.</summary>
        IsoCrop = 1,

        /// <summary>Stretched or squeezed to the requested size, ignoring the aspect ratio.</summary>
        Fill = 2,
    }

    /// <summary>
    /// Where <see cref="ResizingKind.IsoCrop"/> keeps the image: <see cref="Left"/>/<see cref="Right"/> choose the kept
    /// part of a too-wide image, <see cref="Top"/>/<see cref="Bottom"/> of a too-tall one; otherwise the centre is kept.
    /// </summary>
    public enum Anchor : byte
    {
        /// <summary>Keep the right edge (crop the left).</summary>
        Right = 0,
        /// <summary>Keep the left edge (crop the right).</summary>
        Left = 1,
        /// <summary>Keep the top edge (crop the bottom).</summary>
        Top = 2,
        /// <summary>Keep the bottom edge (crop the top).</summary>
        Bottom = 3,
        /// <summary>Keep the centre (crop both sides equally).</summary>
        Center = 4,
    }

    /// <summary>See <see cref="ImageResizingTransformer(string, int, int, string?, ResizingKind, Anchor)"/>.</summary>
    public ImageResizingEstimator(string outputColumnName, int imageWidth, int imageHeight, string? inputColumnName = null,
        ResizingKind resizing = ResizingKind.IsoCrop, Anchor cropAnchor = Anchor.Center)
        : base(new ImageResizingTransformer(outputColumnName, imageWidth, imageHeight, inputColumnName, resizing, cropAnchor)) { }

    /// <inheritdoc/>
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var input = SchemaErrors.Find(inputSchema, Transformer.InputColumnName);
        if (input.Kind != SchemaShape.VectorKind.Scalar || input.ItemType is not ImageDataViewType)
            throw SchemaErrors.Mismatch(input.Name, ImageResizingTransformer.ExpectedInput, input.GetTypeString());
        var result = new List<SchemaShape.Column>(inputSchema);
        result.RemoveAll(c => c.Name == Transformer.OutputColumnName);
        result.Add(new SchemaShape.Column(Transformer.OutputColumnName, SchemaShape.VectorKind.Scalar,
            new ImageDataViewType(Transformer.ImageHeight, Transformer.ImageWidth), false));
        return new SchemaShape(result);
    }
}
