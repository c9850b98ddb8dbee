// ExtractPixels' transformer: reads each known-size image, as a cursor reaches it, into a vector of the chosen planes,
// planar or interleaved, as bytes or as (pixel - offset) * scale floats.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;
using static Microsoft.ML.Cnn.Transforms.Image.ImagePixelExtractingEstimator;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Image;

/// <summary>Adds a vector column of the pixels of an image column.</summary>
public sealed class ImagePixelExtractingTransformer : RowToRowTransformerBase
{
    /// <summary>The input type accepted, for error messages.</summary>
    internal const string ExpectedInput = "Image (an image column of known size, e.g. from ResizeImages)";

    private readonly PixelPlane[] _planes;

    /// <summary>Extracts the pixels of <paramref name="inputColumnName"/> (default: <paramref name="outputColumnName"/>).</summary>
    /// <param name="outputColumnName">The vector column added.</param>
    /// <param name="inputColumnName">The image column read; its images must have one known size.</param>
    /// <param name="colorsToExtract">The planes extracted.</param>
    /// <param name="orderOfExtraction">Their order.</param>
    /// <param name="interleavePixelColors">False: planar (C, H, W), one plane after the other; true: (H, W, C), each pixel's planes together.</param>
    /// <param name="offsetImage">Subtracted from every value before scaling (float output only).</param>
    /// <param name="scaleImage">Multiplies every value after the offset (float output only); finite and non-zero.</param>
    /// <param name="outputAsFloatArray">True: Single values; false: the bytes as they are.</param>
    public ImagePixelExtractingTransformer(string outputColumnName, string? inputColumnName = null, ColorBits colorsToExtract = ColorBits.Rgb,
        ColorsOrder orderOfExtraction = ColorsOrder.ARGB, bool interleavePixelColors = false, float offsetImage = 0f, float scaleImage = 1f,
        bool outputAsFloatArray = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        if (!Enum.IsDefined(orderOfExtraction)) throw new ArgumentOutOfRangeException(nameof(orderOfExtraction), orderOfExtraction, "Use one of the ColorsOrder values, e.g. ARGB.");
        if (!float.IsFinite(offsetImage)) throw new ArgumentOutOfRangeException(nameof(offsetImage), offsetImage, "offsetImage must be finite.");
        if (!float.IsFinite(scaleImage) || scaleImage == 0) throw new ArgumentOutOfRangeException(nameof(scaleImage), scaleImage, "scaleImage must be finite and non-zero.");
        if (!outputAsFloatArray && (offsetImage != 0 || scaleImage != 1))
            throw new ArgumentException($"offsetImage ({offsetImage}) and scaleImage ({scaleImage}) apply to float output only; set outputAsFloatArray to true or leave them at 0 and 1.", nameof(outputAsFloatArray));
        _planes = PlanesOf(colorsToExtract, orderOfExtraction);
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName ?? outputColumnName;
        ColorsToExtract = colorsToExtract;
        OrderOfExtraction = orderOfExtraction;
        InterleavePixelColors = interleavePixelColors;
        OffsetImage = offsetImage;
        ScaleImage = scaleImage;
        OutputAsFloatArray = outputAsFloatArray;
    }

    /// <summary>The vector column added.</summary>
    public string OutputColumnName { get; }

    /// <summary>The image column read.</summary>
    public string InputColumnName { get; }

    /// <summary>The planes extracted.</summary>
    public ColorBits ColorsToExtract { get; }

    /// <summary>The order of the planes.</summary>
    public ColorsOrder OrderOfExtraction { get; }

    /// <summary>Whether the output is (H, W, C) rather than (C, H, W).</summary>
    public bool InterleavePixelColors { get; }

    /// <summary>Subtracted from every value before scaling.</summary>
    public float OffsetImage { get; }

    /// <summary>Multiplies every value after the offset.</summary>
    public float ScaleImage { get; }

    /// <summary>Whether values are Single (else Byte).</summary>
    public bool OutputAsFloatArray { get; }

    /// <summary>The number of planes (C).</summary>
    public int PlaneCount => _planes.Length;

    /// <summary>The output type for images of <paramref name="image"/>'s size; fails, naming the column, on an unknown size.</summary>
    internal VectorDataViewType OutputType(string column, ImageDataViewType image)
    {
        if (image.Height == 0)
            throw SchemaErrors.Mismatch(column, "an image of known size: add ResizeImages before ExtractPixels to give every image one size", image.ToString());
        var item = OutputAsFloatArray ? NumberDataViewType.Single : NumberDataViewType.Byte;
        return InterleavePixelColors
            ? new VectorDataViewType(item, image.Height, image.Width, _planes.Length)
            : new VectorDataViewType(item, _planes.Length, image.Height, image.Width);
    }

    internal const string LoaderSignature = "ImagePixelExtracting";

    /// <inheritdoc/>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetLoader(LoaderSignature, 1);
        var writer = context.Writer;
        writer.WriteString(OutputColumnName);
        writer.WriteString(InputColumnName);
        writer.WriteEnum(ColorsToExtract);
        writer.WriteEnum(OrderOfExtraction);
        writer.WriteBool(InterleavePixelColors);
        writer.WriteSingle(OffsetImage);
        writer.WriteSingle(ScaleImage);
        writer.WriteBool(OutputAsFloatArray);
    }

    internal static ImagePixelExtractingTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        var reader = context.Reader;
        string output = reader.ReadString("output column"), input = reader.ReadString("input column");
        var colors = reader.ReadEnum<ColorBits>("colors to extract");
        var order = reader.ReadEnum<ColorsOrder>("order of extraction");
        bool interleave = reader.ReadBool("interleave flag");
        float offset = reader.ReadFiniteSingle("offset"), scale = reader.ReadFiniteSingle("scale");
        bool asFloat = reader.ReadBool("float output flag");
        try
        {
            return new ImagePixelExtractingTransformer(output, input, colors, order, interleave, offset, scale, asFloat);
        }
        catch (ArgumentException e)
        {
            throw reader.Invalid($"pixel extraction settings: {e.Message}");
        }
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var input = FindInput(inputSchema, InputColumnName);
        if (input.Type is not ImageDataViewType image) throw SchemaErrors.Mismatch(InputColumnName, ExpectedInput, input.Type.ToString()!);
        var type = OutputType(InputColumnName, image);
        return OutputAsFloatArray
            ? [MappedColumn.Create<VBuffer<float>>(OutputColumnName, type, null, [input], row => Getter<float>(row, input, image))]
            : [MappedColumn.Create<VBuffer<byte>>(OutputColumnName, type, null, [input], row => Getter<byte>(row, input, image))];
    }

    private ValueGetter<VBuffer<T>> Getter<T>(DataViewRow row, DataViewSchema.Column input, ImageDataViewType type)
    {
        var read = row.GetGetter<MLImage>(input);
        MLImage image = null!;
        var values = new T[_planes.Length * type.Height * type.Width];
        return (ref VBuffer<T> value) =>
        {
            read(ref image);
            if (image.Width != type.Width || image.Height != type.Height)
                throw new InvalidDataException($"Row {row.Position} of column '{InputColumnName}' holds a {image.Width}x{image.Height} image, " +
                    $"but the column's type says every image is {type.Width}x{type.Height}; resize the images (ResizeImages) before ExtractPixels.");
            if (values is float[] floats) Extract(image, floats);
            else Extract(image, (byte[])(object)values);
            new VBuffer<T>(values).CopyTo(ref value);
        };
    }

    private void Extract(MLImage image, float[] values)
    {
        var pixels = image.GetPixels();
        int area = image.Width * image.Height, planes = _planes.Length;
        float offset = OffsetImage, scale = ScaleImage;
        for (int p = 0; p < planes; p++)
        {
            var plane = _planes[p];
            for (int i = 0; i < area; i++)
                values[InterleavePixelColors ? i * planes + p : p * area + i] = (Read(pixels, i, image.PixelFormat, plane) - offset) * scale;
        }
    }

    private void Extract(MLImage image, byte[] values)
    {
        var pixels = image.GetPixels();
        int area = image.Width * image.Height, planes = _planes.Length;
        for (int p = 0; p < planes; p++)
            for (int i = 0; i < area; i++)
                values[InterleavePixelColors ? i * planes + p : p * area + i] = Read(pixels, i, image.PixelFormat, _planes[p]);
    }

    /// <summary>Plane <paramref name="plane"/> of pixel <paramref name="index"/>; a Gray8 pixel has R = G = B = grey and opaque alpha.</summary>
    private static byte Read(ReadOnlySpan<byte> pixels, int index, MLPixelFormat format, PixelPlane plane)
    {
        if (format == MLPixelFormat.Gray8) return plane == PixelPlane.Alpha ? byte.MaxValue : pixels[index];
        int at = 4 * index;
        return plane switch
        {
            PixelPlane.Red => pixels[at],
            PixelPlane.Green => pixels[at + 1],
            PixelPlane.Blue => pixels[at + 2],
            PixelPlane.Alpha => pixels[at + 3],
            _ => Luminance.Of(pixels[at], pixels[at + 1], pixels[at + 2]),
        };
    }

    private enum PixelPlane : byte { Alpha, Red, Green, Blue, Gray }

    /// <summary>The planes of <paramref name="colors"/> in <paramref name="order"/> (the order's letters, skipping colors not extracted).</summary>
    private static PixelPlane[] PlanesOf(ColorBits colors, ColorsOrder order)
    {
        const ColorBits known = ColorBits.All | ColorBits.Grayscale;
        if (colors == 0 || (colors & ~known) != 0)
            throw new ArgumentOutOfRangeException("colorsToExtract", colors, "colorsToExtract must name at least one plane among Alpha, Red, Green, Blue and Grayscale.");
        bool gray = colors.HasFlag(ColorBits.Grayscale);
        if (gray && (colors & ColorBits.Rgb) != 0)
            throw new ArgumentException($"colorsToExtract {colors} mixes Grayscale with Red, Green or Blue; Grayscale combines with Alpha only.", "colorsToExtract");
        var planes = new List<PixelPlane>(4);
        foreach (char letter in order.ToString())
        {
            var (bit, plane) = letter switch
            {
                'A' => (ColorBits.Alpha, PixelPlane.Alpha),
                'R' => (ColorBits.Red, PixelPlane.Red),
                'G' => (ColorBits.Green, PixelPlane.Green),
                _ => (ColorBits.Blue, PixelPlane.Blue),
            };
            if (colors.HasFlag(bit)) planes.Add(plane);
            else if (gray && plane != PixelPlane.Alpha && !planes.Contains(PixelPlane.Gray)) planes.Add(PixelPlane.Gray);
        }
        return [.. planes];
    }
}
