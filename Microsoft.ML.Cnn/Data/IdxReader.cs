// Reads IDX files (the MNIST family's format), gzipped or raw.
// *** Binary format *** (big-endian): 0x00 0x00, dtype byte (0x08 = unsigned byte, the only one read here),
// rank byte, rank int32 dimensions, then the product of the dimensions in bytes, row-major.
using System.Buffers.Binary;
using System.IO.Compression;

namespace Microsoft.ML.Cnn.Data;

/// <summary>An IDX array of unsigned bytes: its dimensions and its values, row-major.</summary>
public sealed record IdxArray(int[] Dimensions, byte[] Data)
{
    /// <summary>The first dimension (the number of items).</summary>
    public int Count => Dimensions[0];
}

/// <summary>Parses IDX files; every error names the file and what was wrong with it.</summary>
public static class IdxReader
{
    private const byte UnsignedByte = 0x08;
    private const int MaxRank = 4;

    /// <summary>Reads an IDX file, decompressing it when it starts with the gzip signature.</summary>
    public static IdxArray Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The IDX file '{path}' does not exist.", path);
        using var file = File.OpenRead(path);
        return Read(file, path);
    }

    /// <summary>Reads an IDX array from <paramref name="stream"/>; <paramref name="name"/> appears in error messages.</summary>
    public static IdxArray Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes = ReadAll(stream, name);
        if (bytes.Length < 4) throw Invalid(name, $"it is {bytes.Length} bytes long, shorter than the 4-byte IDX header");
        if (bytes[0] != 0 || bytes[1] != 0)
            throw Invalid(name, $"its magic number starts 0x{bytes[0]:X2} 0x{bytes[1]:X2}, not 0x00 0x00: it is not an IDX file");
        if (bytes[2] != UnsignedByte)
            throw Invalid(name, $"its data type is 0x{bytes[2]:X2}; only unsigned bytes (0x08) are supported");
        int rank = bytes[3];
        if (rank is < 1 or > MaxRank) throw Invalid(name, $"it declares {rank} dimensions; expected 1 to {MaxRank}");
        int headerLength = 4 + 4 * rank;
        if (bytes.Length < headerLength) throw Invalid(name, $"its header is truncated: {rank} dimensions need {headerLength} bytes, the file has {bytes.Length}");
        var dimensions = new int[rank];
        long count = 1;
        for (int d = 0; d < rank; d++)
        {
            dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (dimensions[d] <= 0) throw Invalid(name, $"dimension {d} is {dimensions[d]}; dimensions must be positive");
            count *= dimensions[d];
        }
        long available = bytes.Length - headerLength;
        if (available < count) throw Invalid(name, $"it is truncated: dimensions ({string.Join(", ", dimensions)}) need {count} data bytes, the file has {available}");
        if (available > count) throw Invalid(name, $"it has {available - count} bytes after the {count} data bytes its dimensions ({string.Join(", ", dimensions)}) describe");
        return new IdxArray(dimensions, bytes[headerLength..]);
    }

    private static byte[] ReadAll(Stream stream, string name)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        byte[] raw = buffer.ToArray();
        if (raw.Length < 2 || raw[0] != 0x1F || raw[1] != 0x8B) return raw;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            gzip.CopyTo(inflated);
            return inflated.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"IDX file '{name}' starts like gzip but does not decompress: {e.Message}", e);
        }
    }

    private static InvalidDataException Invalid(string name, string reason) => new($"IDX file '{name}' is invalid: {reason}.");
}
