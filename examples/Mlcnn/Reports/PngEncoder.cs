// A minimal PNG writer for report thumbnails: 8-bit gray or RGB, no filtering, zlib from the BCL, CRC-32 computed
// here. Enough for small images; the report embeds them as data URIs.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Microsoft.ML.Cnn.Mlcnn.Reports;

/// <summary>Encodes <see cref="Thumbnail"/>s as PNG.</summary>
internal static class PngEncoder
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>The PNG file of <paramref name="image"/>.</summary>
    public static byte[] Encode(Thumbnail image)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = 8;                                   // bits per channel
        header[9] = (byte)(image.Channels == 1 ? 0 : 2); // gray or truecolor
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", Compress(image));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The image as a <c>data:image/png;base64,...</c> URI.</summary>
    public static string ToDataUri(Thumbnail image) => "data:image/png;base64," + Convert.ToBase64String(Encode(image));

    private static byte[] Compress(Thumbnail image)
    {
        int stride = image.Width * image.Channels;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < image.Height; y++)
            {
                zlib.WriteByte(0); // filter type None
                zlib.Write(image.Pixels, y * stride, stride);
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        uint crc = Crc32(Crc32(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(number, crc);
        png.Write(number);
    }

    private static uint Crc32(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
