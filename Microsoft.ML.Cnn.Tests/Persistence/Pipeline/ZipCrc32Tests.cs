// ZipCrc32: the zip (IEEE 802.3) CRC-32, checked against its standard check value and .NET's own zip headers.
using System.IO.Compression;
using System.Text;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

[TestClass]
public sealed class ZipCrc32Tests
{
    [TestMethod]
    public void Compute_CheckValue_MatchesTheStandard()
    {
        Assert.AreEqual(0xCBF43926u, ZipCrc32.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.AreEqual(0u, ZipCrc32.Compute([]));
    }

    [TestMethod]
    public void Compute_EntryData_MatchesTheZipHeader()
    {
        byte[] data = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 31 % 251)).ToArray();
        using var archive = new ZipArchive(new MemoryStream(ModelZip.Build([("A.bin", data)])), ZipArchiveMode.Read);
        Assert.AreEqual(archive.GetEntry("A.bin")!.Crc32, ZipCrc32.Compute(data));
    }
}
