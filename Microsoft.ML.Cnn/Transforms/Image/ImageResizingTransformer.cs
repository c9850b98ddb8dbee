// ResizeImages' transformer: maps each image, as a cursor reads it, to the requested size by one of ML.NET's
// resizing kinds (IsoPad, IsoCrop at an anchor, Fill), resampling with ImageResampler.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;
using static Microsoft.ML.Cnn.Transforms.Image.ImageResizingEstimator;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Image;

/// <summary>Adds an <see cref="ImageDataViewType"/> column of images resized to <see cref="ImageWidth"/> × <see cref="ImageHeight"/>.</summary>
public sealed class ImageResizingTransformer : RowToRowTransformerBase
{
    /// <summary>The input type accepted, for error messages.</summary>
    internal const string ExpectedInput = "Image (an image column, e.g. from LoadImages)";

    /// <summary>
    /// Resizes the images of <paramref name="inputColumnName"/> (default: <paramref name="outputColumnName"/>) into
    /// <paramref name="outputColumnName"/>.
    /// </summary>
    /// <param name="outputColumnName">The image column added.</param>
    /// <param name="imageWidth">The width of every output image, in pixels.</param>
    /// <param name="imageHeight">The height of every output image, in pixels.</param>
    /// <param name="inputColumnName">The image column read (default: <paramref name="outputColumnName"/>).</param>
    /// <param name="resizing">How images of another aspect ratio are fitted.</param>
    /// <param name="cropAnchor">The part <see cref="ResizingKind.IsoCrop"/> keeps.</param>
    public ImageResizingTransformer(string outputColumnName, int imageWidth, int imageHeight, string? inputColumnName = null,
        ResizingKind resizing = ResizingKind.IsoCrop, Anchor cropAnchor = Anchor.Center)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        if (imageWidth < 1) throw new ArgumentOutOfRangeException(nameof(imageWidth), imageWidth, "imageWidth must be at least 1 pixel.");
        if (imageHeight < 1) throw new ArgumentOutOfRangeException(nameof(imageHeight), imageHeight, "imageHeight must be at least 1 pixel.");
        if (!Enum.IsDefined(resizing)) throw new ArgumentOutOfRangeException(nameof(resizing), resizing, "Use ResizingKind.IsoPad, IsoCrop or Fill.");
        if (!Enum.IsDefined(cropAnchor)) throw new ArgumentOutOfRangeException(nameof(cropAnchor), cropAnchor, "Use Anchor.Right, Left, Top, Bottom or Center.");
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName ?? outputColumnName;
        ImageWidth = imageWidth;
        ImageHeight = imageHeight;
        Resizing = resizing;
        CropAnchor = cropAnchor;
    }

    /// <summary>The image column added.</summary>
    public string OutputColumnName { get; }

    /// <summary>The image column read.</summary>
    public string InputColumnName { get; }

    /// <summary>The width of every output image.</summary>
    public int ImageWidth { get; }

    /// <summary>The height of every output image.</summary>
    public int ImageHeight { get; }

    /// <summary>How images of another aspect ratio are fitted.</summary>
    public ResizingKind Resizing { get; }

    /// <summary>The part <see cref="ResizingKind.IsoCrop"/> keeps.</summary>
    public Anchor CropAnchor { get; }

    internal const string LoaderSignature = "ImageResizing";

    /// <inheritdoc/>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetLoader(LoaderSignature, 1);
        var writer = context.Writer;
        writer.WriteString(OutputColumnName);
        writer.WriteString(InputColumnName);
        writer.WriteInt32(ImageWidth);
        writer.WriteInt32(ImageHeight);
        writer.WriteEnum(Resizing);
        writer.WriteEnum(CropAnchor);
    }

    internal static ImageResizingTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        var reader = context.Reader;
        string output = reader.ReadString("output column"), input = reader.ReadString("input column");
        int width = reader.ReadInt32(1, int.MaxValue, "image width"), height = reader.ReadInt32(1, int.MaxValue, "image height");
        return new ImageResizingTransformer(output, width, height, input, reader.ReadEnum<ResizingKind>("resizing kind"), reader.ReadEnum<Anchor>("crop anchor"));
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var input = FindInput(inputSchema, InputColumnName);
        if (input.Type is not ImageDataViewType) throw SchemaErrors.Mismatch(InputColumnName, ExpectedInput, input.Type.ToString()!);
        var type = new ImageDataViewType(ImageHeight, ImageWidth);
        return [MappedColumn.Create<MLImage>(OutputColumnName, type, null, [input], row =>
        {
            var read = row.GetGetter<MLImage>(input);
            var resampler = new ImageResampler();
            MLImage source = null!;
            return (ref MLImage value) =>
            {
                read(ref source);
                value = Resize(source, resampler);
            };
        })];
    }

    /// <summary>The image at the requested size (the image itself when it has that size already).</summary>
    internal MLImage Resize(MLImage source, ImageResampler resampler)
    {
        int width = source.Width, height = source.Height;
        if (width == ImageWidth && height == ImageHeight) return source;
        int channels = source.BytesPerPixel;
        var pixels = new byte[ImageWidth * ImageHeight * channels];
        double scaleX = (double)ImageWidth / width, scaleY = (double)ImageHeight / height;
        switch (Resizing)
        {
            case ResizingKind.Fill:
                resampler.Resample(source.GetPixels(), width, height, channels, 0, 0, width, height, pixels, ImageWidth, 0, 0, ImageWidth, ImageHeight);
                break;
            case ResizingKind.IsoPad:
            {
                // Fit inside: the limiting axis fills the output exactly; the other is centred between zero padding.
                double scale = Math.Min(scaleX, scaleY);
                int contentWidth = scaleX <= scaleY ? ImageWidth : Math.Clamp((int)Math.Round(width * scale), 1, ImageWidth);
                int contentHeight = scaleY <= scaleX ? ImageHeight : Math.Clamp((int)Math.Round(height * scale), 1, ImageHeight);
                resampler.Resample(source.GetPixels(), width, height, channels, 0, 0, width, height,
                    pixels, ImageWidth, (ImageWidth - contentWidth) / 2, (ImageHeight - contentHeight) / 2, contentWidth, contentHeight);
                break;
            }
            default:
            {
                // Cover: the source window the output shows, placed along the cropped axis by the anchor.
                double scale = Math.Max(scaleX, scaleY);
                double windowWidth = scaleX >= scaleY ? width : ImageWidth / scale;
                double windowHeight = scaleY >= scaleX ? height : ImageHeight / scale;
                double x0 = (width - windowWidth) * AnchorFraction(CropAnchor, Anchor.Left, Anchor.Right);
                double y0 = (height - windowHeight) * AnchorFraction(CropAnchor, Anchor.Top, Anchor.Bottom);
                resampler.Resample(source.GetPixels(), width, height, channels, x0, y0, x0 + windowWidth, y0 + windowHeight,
                    pixels, ImageWidth, 0, 0, ImageWidth, ImageHeight);
                break;
            }
        }
        return MLImage.Wrap(ImageWidth, ImageHeight, source.PixelFormat, pixels);
    }

    /// <summary>Where along an axis the kept window starts, as a fraction of the cropped length: 0, 1, or ½ for the centre.</summary>
    private static double AnchorFraction(Anchor anchor, Anchor start, Anchor end) =>
        anchor == start ? 0 : anchor == end ? 1 : 0.5;
}
