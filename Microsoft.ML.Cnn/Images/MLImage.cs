// An in-memory image as ML.NET's MLImage: width, height, pixel format and a managed pixel array (stb's native buffer
// is copied and freed at decode time, so nothing here needs disposing).
namespace Microsoft.ML.Cnn.Images;

/// <summary>An immutable decoded image: rows top to bottom, pixels left to right, channels interleaved (see <see cref="PixelFormat"/>).</summary>
public sealed class MLImage
{
    private readonly byte[] _pixels;

    private MLImage(int width, int height, MLPixelFormat format, byte[] pixels)
    {
        Width = width;
        Height = height;
        PixelFormat = format;
        _pixels = pixels;
    }

    /// <summary>The width in pixels.</summary>
    public int Width { get; }

    /// <summary>The height in pixels.</summary>
    public int Height { get; }

    /// <summary>The layout of each pixel's bytes.</summary>
    public MLPixelFormat PixelFormat { get; }

    /// <summary>The bytes of one pixel.</summary>
    public int BytesPerPixel => PixelFormat.BytesPerPixel();

    /// <summary>All pixels: <c>Height × Width × BytesPerPixel</c> bytes, row-major.</summary>
    public ReadOnlySpan<byte> GetPixels() => _pixels;

    /// <summary>The byte of <paramref name="channel"/> of the pixel at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public byte GetPixel(int x, int y, int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, BytesPerPixel);
        return _pixels[(y * Width + x) * BytesPerPixel + channel];
    }

    /// <summary>Decodes the JPEG, PNG, BMP or GIF (first frame) file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is too large, corrupt, truncated or of an unsupported format.</exception>
    public static MLImage CreateFromFile(string path, ImageDecodeLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        limits ??= ImageDecodeLimits.Default;
        limits.Validate();
        var file = new FileInfo(path);
        if (!file.Exists) throw new FileNotFoundException($"Image file '{path}' not found (full path '{file.FullName}').", path);
        string source = $"image file '{path}'";
        if (file.Length > limits.MaxEncodedBytes) throw ImageDecoder.TooLarge(source, file.Length, limits);
        return ImageDecoder.Decode(File.ReadAllBytes(path), source, limits);
    }

    /// <summary>Decodes the encoded image read from <paramref name="stream"/> (to its end).</summary>
    /// <exception cref="InvalidDataException">The stream is too long, or its content cannot be decoded.</exception>
    public static MLImage CreateFromStream(Stream stream, ImageDecodeLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= ImageDecodeLimits.Default;
        limits.Validate();
        const string source = "image stream";
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxEncodedBytes)
            throw ImageDecoder.TooLarge(source, stream.Length - stream.Position, limits);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxEncodedBytes) throw ImageDecoder.TooLarge(source, buffer.Length + read, limits);
            buffer.Write(chunk, 0, read);
        }
        return ImageDecoder.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), source, limits);
    }

    /// <summary>Decodes an encoded image held in memory; <paramref name="source"/> names it in error messages.</summary>
    public static MLImage CreateFromEncoded(ReadOnlySpan<byte> encoded, string source = "encoded image", ImageDecodeLimits? limits = null)
    {
        limits ??= ImageDecodeLimits.Default;
        limits.Validate();
        return ImageDecoder.Decode(encoded, source, limits);
    }

    /// <summary>An image of the given size and format with a copy of <paramref name="pixels"/> (row-major, interleaved).</summary>
    public static MLImage CreateFromPixels(int width, int height, MLPixelFormat format, ReadOnlySpan<byte> pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        long expected = (long)width * height * format.BytesPerPixel();
        if (pixels.Length != expected)
            throw new ArgumentException($"A {width}x{height} {format} image needs {expected} bytes, but {pixels.Length} were given.", nameof(pixels));
        return new MLImage(width, height, format, pixels.ToArray());
    }

    /// <summary>Takes ownership of <paramref name="pixels"/> without copying (the decoder's fresh array).</summary>
    internal static MLImage Wrap(int width, int height, MLPixelFormat format, byte[] pixels) => new(width, height, format, pixels);

    /// <inheritdoc/>
    public override string ToString() => $"{Width}x{Height} {PixelFormat}";
}
