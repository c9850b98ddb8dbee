// LoadImages' transformer: decodes, lazily as a cursor reads each row, the image named by a path (text column) or held
// as encoded bytes (byte vector column). A bad image fails the read with its path and row, never becoming zeros.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Image;

/// <summary>Adds an <see cref="ImageDataViewType"/> column decoded from image paths or encoded image bytes.</summary>
public sealed class ImageLoadingTransformer : RowToRowTransformerBase
{
    /// <summary>The input types accepted, for error messages.</summary>
    internal const string ExpectedInput = "String (an image path) or Vector<Byte> (encoded image bytes)";

    /// <summary>
    /// Decodes <paramref name="inputColumnName"/> (default: <paramref name="outputColumnName"/>) into
    /// <paramref name="outputColumnName"/>; relative paths are resolved against <paramref name="imageFolder"/> when given.
    /// </summary>
    public ImageLoadingTransformer(string outputColumnName, string? imageFolder, string? inputColumnName = null, ImageDecodeLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName ?? outputColumnName;
        ImageFolder = imageFolder;
        Limits = limits ?? ImageDecodeLimits.Default;
        Limits.Validate();
    }

    /// <summary>The image column added.</summary>
    public string OutputColumnName { get; }

    /// <summary>The path or bytes column read.</summary>
    public string InputColumnName { get; }

    /// <summary>The folder relative paths are resolved against; null = the current directory.</summary>
    public string? ImageFolder { get; }

    /// <summary>The size limits every image is decoded under.</summary>
    public ImageDecodeLimits Limits { get; }

    /// <summary>Whether <paramref name="type"/> can be decoded: text or a vector of bytes.</summary>
    internal static bool IsAcceptedInput(DataViewType type) =>
        type is TextDataViewType || type is VectorDataViewType { ItemType: NumberDataViewType n } && n == NumberDataViewType.Byte;

    /// <inheritdoc/>
    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var input = FindInput(inputSchema, InputColumnName);
        if (!IsAcceptedInput(input.Type)) throw SchemaErrors.Mismatch(InputColumnName, ExpectedInput, input.Type.ToString()!);
        var type = new ImageDataViewType();
        return input.Type is TextDataViewType
            ? [MappedColumn.Create<MLImage>(OutputColumnName, type, null, [input], row => PathGetter(row, input))]
            : [MappedColumn.Create<MLImage>(OutputColumnName, type, null, [input], row => BytesGetter(row, input))];
    }

    private ValueGetter<MLImage> PathGetter(DataViewRow row, DataViewSchema.Column input)
    {
        var readPath = row.GetGetter<ReadOnlyMemory<char>>(input);
        ReadOnlyMemory<char> path = default;
        return CachedPerRow(row, () =>
        {
            readPath(ref path);
            if (path.Span.IsWhiteSpace())
                throw new InvalidDataException($"Row {row.Position} of column '{InputColumnName}' has an empty image path; every row needs an image.");
            string relative = path.ToString();
            string full = ImageFolder == null ? relative : Path.Combine(ImageFolder, relative);
            try
            {
                return MLImage.CreateFromFile(full, Limits);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"Row {row.Position} of column '{InputColumnName}': {e.Message}", e);
            }
            catch (FileNotFoundException e)
            {
                throw new FileNotFoundException($"Row {row.Position} of column '{InputColumnName}': {e.Message}", full, e);
            }
        });
    }

    private ValueGetter<MLImage> BytesGetter(DataViewRow row, DataViewSchema.Column input)
    {
        var readBytes = row.GetGetter<VBuffer<byte>>(input);
        VBuffer<byte> bytes = default;
        return CachedPerRow(row, () =>
        {
            readBytes(ref bytes);
            var dense = bytes.IsDense ? bytes.GetValues() : bytes.ToArray();
            return MLImage.CreateFromEncoded(dense, $"the encoded image in row {row.Position} of column '{InputColumnName}'", Limits);
        });
    }

    /// <summary>Decodes at most once per row, however often the getter is called for it.</summary>
    private static ValueGetter<MLImage> CachedPerRow(DataViewRow row, Func<MLImage> decode)
    {
        long cachedPosition = -1;
        MLImage? cached = null;
        return (ref MLImage value) =>
        {
            if (cached == null || cachedPosition != row.Position)
            {
                cached = null;
                cached = decode();
                cachedPosition = row.Position;
            }
            value = cached;
        };
    }
}
