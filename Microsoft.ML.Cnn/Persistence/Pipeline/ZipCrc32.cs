// The zip format's CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320): .NET's ZipArchive does not verify it when
// reading, so the archive reader does, and a flipped bit in an entry fails instead of loading a silently different model.
namespace Microsoft.ML.Cnn.Persistence.Pipeline;

internal static class ZipCrc32
{
    private static readonly uint[] Table = CreateTable();

    /// <summary>The CRC-32 of <paramref name="data"/>, as a zip header stores it.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < table.Length; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }
}
