// IDX parsing: valid raw and gzipped arrays, and one malformed byte string per error path.
using System.IO.Compression;
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class IdxReaderTests
{
    // 2 x 3 unsigned bytes.
    private static readonly byte[] Valid = [0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6];

    [TestMethod]
    public void Read_RawBytes_ParsesDimensionsAndData()
    {
        var array = IdxReader.Read(new MemoryStream(Valid), "valid");

        CollectionAssert.AreEqual(new[] { 2, 3 }, array.Dimensions);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5, 6 }, array.Data);
        Assert.AreEqual(2, array.Count);
    }

    [TestMethod]
    public void Read_GzippedBytes_Decompresses()
    {
        var array = IdxReader.Read(new MemoryStream(Gzip(Valid)), "valid.gz");

        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5, 6 }, array.Data);
    }

    [TestMethod]
    public void Read_File_ReadsFromDisk()
    {
        string path = Path.Combine(Path.GetTempPath(), $"idx-{Guid.NewGuid():N}.gz");
        File.WriteAllBytes(path, Gzip(Valid));
        try
        {
            CollectionAssert.AreEqual(new[] { 2, 3 }, IdxReader.Read(path).Dimensions);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static IEnumerable<object[]> Malformed =>
    [
        [new byte[] { 0, 0, 8 }, "shorter than the 4-byte IDX header"],
        [new byte[] { 1, 0, 8, 1, 0, 0, 0, 1, 7 }, "not 0x00 0x00"],
        [new byte[] { 0, 0, 0x0D, 1, 0, 0, 0, 1, 7, 7, 7, 7 }, "only unsigned bytes"],
        [new byte[] { 0, 0, 8, 0 }, "declares 0 dimensions"],
        [new byte[] { 0, 0, 8, 5 }, "declares 5 dimensions"],
        [new byte[] { 0, 0, 8, 2, 0, 0, 0, 2, 0, 0 }, "header is truncated"],
        [new byte[] { 0, 0, 8, 1, 0, 0, 0, 0 }, "dimension 0 is 0"],
        [new byte[] { 0, 0, 8, 1, 0xFF, 0xFF, 0xFF, 0xFF }, "dimension 0 is -1"],
        [new byte[] { 0, 0, 8, 1, 0, 0, 0, 3, 7, 7 }, "truncated: dimensions (3) need 3 data bytes, the file has 2"],
        [new byte[] { 0, 0, 8, 1, 0, 0, 0, 1, 7, 7 }, "1 bytes after the 1 data bytes"],
        [new byte[] { 0x1F, 0x8B, 1, 2, 3 }, "does not decompress"],
    ];

    [TestMethod]
    [DynamicData(nameof(Malformed))]
    public void Read_MalformedBytes_ThrowsNamingFileAndReason(byte[] bytes, string reason)
    {
        var e = Assert.ThrowsExactly<InvalidDataException>(() => IdxReader.Read(new MemoryStream(bytes), "broken.idx"));

        StringAssert.Contains(e.Message, "broken.idx");
        StringAssert.Contains(e.Message, reason);
    }

    [TestMethod]
    public void Read_MissingFile_ThrowsFileNotFound() =>
        Assert.ThrowsExactly<FileNotFoundException>(() => IdxReader.Read("/nonexistent/train-images-idx3-ubyte.gz"));

    internal static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }
}
