// LoadImages' transformer: decodes, lazily as a cursor reads each row, the image named by a path (text column) or held
// as encoded bytes (byte vector column). A bad image fails the read with its path and row, or (if asked) drops the row
// with a logged warning; it never becomes zeros.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Image;

/// <summary>Adds an <see cref="ImageDataViewType"/> column decoded from image paths or encoded image bytes.</summary>
public sealed class ImageLoadingTransformer : ITransformer
{
    private readonly MLContext _context;

    /// <summary>The input types accepted, for error messages.</summary>
    internal const string ExpectedInput = "String (an image path) or Vector<Byte> (encoded image bytes)";

    /// <summary>
    /// Decodes <paramref name="inputColumnName"/> (default: <paramref name="outputColumnName"/>) into
    /// <paramref name="outputColumnName"/>; relative paths are resolved against <paramref name="imageFolder"/> when given.
    /// </summary>
    /// <param name="context">The context whose log receives the warnings of <see cref="InvalidImageHandling.SkipRow"/>.</param>
    /// <param name="outputColumnName">The image column added.</param>
    /// <param name="imageFolder">The folder relative paths are resolved against; null = the current directory.</param>
    /// <param name="inputColumnName">The path or bytes column read (default: <paramref name="outputColumnName"/>).</param>
    /// <param name="limits">The size limits (default: <see cref="ImageDecodeLimits.Default"/>).</param>
    /// <param name="invalidImages">Whether an undecodable image fails the read or drops its row.</param>
    public ImageLoadingTransformer(MLContext context, string outputColumnName, string? imageFolder, string? inputColumnName = null,
        ImageDecodeLimits? limits = null, InvalidImageHandling invalidImages = InvalidImageHandling.Fail)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        if (!Enum.IsDefined(invalidImages))
            throw new ArgumentOutOfRangeException(nameof(invalidImages), invalidImages, "Use InvalidImageHandling.Fail or SkipRow.");
        InvalidImages = invalidImages;
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

    /// <summary>Whether an undecodable image fails the read or drops its row.</summary>
    public InvalidImageHandling InvalidImages { get; }

    /// <summary>True when failing: dropping rows makes the output no longer one row per input row.</summary>
    public bool IsRowToRowMapper => InvalidImages == InvalidImageHandling.Fail;

    internal const string LoaderSignature = "ImageLoading";

    /// <summary>Saves the settings; the image folder is saved as given (a relative folder resolves against the loading process's directory).</summary>
    public void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetLoader(LoaderSignature, 1);
        var writer = context.Writer;
        writer.WriteString(OutputColumnName);
        writer.WriteString(InputColumnName);
        writer.WriteNullableString(ImageFolder);
        writer.WriteInt64(Limits.MaxEncodedBytes);
        writer.WriteInt64(Limits.MaxPixelCount);
        writer.WriteEnum(InvalidImages);
    }

    internal static ImageLoadingTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        var reader = context.Reader;
        string output = reader.ReadString("output column"), input = reader.ReadString("input column");
        string? folder = reader.ReadNullableString("image folder");
        var limits = new ImageDecodeLimits(reader.ReadInt64(), reader.ReadInt64());
        try
        {
            limits.Validate();
        }
        catch (ArgumentException e)
        {
            throw reader.Invalid($"image decode limits: {e.Message}");
        }
        return new ImageLoadingTransformer(context.Context, output, folder, input, limits, reader.ReadEnum<InvalidImageHandling>("invalid image handling"));
    }

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return MappedDataView.OutputSchema(inputSchema, MapColumns(inputSchema));
    }

    /// <summary>A view of <paramref name="input"/> plus the image column; validates the input now, decodes nothing.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mapped = new MappedDataView(input, MapColumns(input.Schema));
        if (InvalidImages == InvalidImageHandling.Fail) return mapped;
        var image = mapped.Schema[OutputColumnName];
        return new FilteredDataView(mapped, [image], cursor => DecodesCleanly(cursor, image));
    }

    /// <summary>The row filter of <see cref="InvalidImageHandling.SkipRow"/>; the decoded image stays cached for the reader.</summary>
    private Func<bool> DecodesCleanly(DataViewRowCursor cursor, DataViewSchema.Column image)
    {
        var getter = cursor.GetGetter<MLImage>(image);
        MLImage value = null!;
        long skipped = 0;
        return () =>
        {
            try
            {
                getter(ref value);
                return true;
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
            {
                skipped++;
                _context.WriteLog(nameof(ImageLoadingTransformer), ChannelMessageKind.Warning,
                    $"Skipped a row whose image cannot be loaded ({skipped} skipped so far by this cursor): {e.Message}");
                return false;
            }
        };
    }

    /// <summary>Whether <paramref name="type"/> can be decoded: text or a vector of bytes.</summary>
    internal static bool IsAcceptedInput(DataViewType type) =>
        type is TextDataViewType || type is VectorDataViewType { ItemType: NumberDataViewType n } && n == NumberDataViewType.Byte;

    private IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var input = inputSchema.GetColumnOrNull(InputColumnName) ?? throw SchemaErrors.MissingColumn(InputColumnName, inputSchema.AvailableNames());
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
