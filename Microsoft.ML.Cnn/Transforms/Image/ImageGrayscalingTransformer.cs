// ConvertToGrayscale's transformer: each image, as a cursor reads it, becomes a Gray8 image of ML.NET's luminance.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Image;

/// <summary>Adds an image column holding the grayscale version of another, of the same type (size).</summary>
public sealed class ImageGrayscalingTransformer : RowToRowTransformerBase
{
    /// <summary>Converts <paramref name="inputColumnName"/> (default: <paramref name="outputColumnName"/>) into <paramref name="outputColumnName"/>.</summary>
    public ImageGrayscalingTransformer(string outputColumnName, string? inputColumnName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName ?? outputColumnName;
    }

    /// <summary>The image column added.</summary>
    public string OutputColumnName { get; }

    /// <summary>The image column read.</summary>
    public string InputColumnName { get; }

    internal const string LoaderSignature = "ImageGrayscaling";

    /// <inheritdoc/>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetLoader(LoaderSignature, 1);
        context.Writer.WriteString(OutputColumnName);
        context.Writer.WriteString(InputColumnName);
    }

    internal static ImageGrayscalingTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        return new ImageGrayscalingTransformer(context.Reader.ReadString("output column"), context.Reader.ReadString("input column"));
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var input = FindInput(inputSchema, InputColumnName);
        if (input.Type is not ImageDataViewType) throw SchemaErrors.Mismatch(InputColumnName, ImageResizingTransformer.ExpectedInput, input.Type.ToString()!);
        return [MappedColumn.Create<MLImage>(OutputColumnName, input.Type, null, [input], row =>
        {
            var read = row.GetGetter<MLImage>(input);
            MLImage source = null!;
            return (ref MLImage value) =>
            {
                read(ref source);
                value = ToGray(source);
            };
        })];
    }

    /// <summary>The Gray8 version of <paramref name="image"/> (itself when it is Gray8 already).</summary>
    internal static MLImage ToGray(MLImage image)
    {
        if (image.PixelFormat == MLPixelFormat.Gray8) return image;
        var source = image.GetPixels();
        var gray = new byte[image.Width * image.Height];
        for (int i = 0; i < gray.Length; i++) gray[i] = Luminance.Of(source[4 * i], source[4 * i + 1], source[4 * i + 2]);
        return MLImage.Wrap(image.Width, image.Height, MLPixelFormat.Gray8, gray);
    }
}
