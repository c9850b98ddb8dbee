// PipelineArchiveReader treats the zip as untrusted: not a zip, truncated or corrupted anywhere, unsafe entry names,
// duplicate or too many entries, headers lying about sizes or checksums all fail with InvalidDataException (and a lie
// about a size allocates nothing); a corruption that is not detected leaves the model unchanged.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Tests.Prediction;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

[TestClass]
public sealed class PipelineArchiveReaderTests
{
    private const string Step0 = "Model/Step0/Model.bin";

    private static byte[] FruitZip() => ModelZip.Save(PredictionEngineTests.FruitModel().Model, PredictionEngineTests.FruitModel().Data.Schema);

    /// <summary>The fruit model's predictions and input schema, as text, for a loaded model.</summary>
    private static string Behaviour(byte[] zip)
    {
        var model = ModelZip.Load(zip, out var schema);
        var (context, data, _) = PredictionEngineTests.FruitModel();
        return ViewDump.Schema(schema!) + "\n" + string.Join("\n", ViewDump.Rows(model.Transform(data)));
    }

    [TestMethod]
    [DataRow(new byte[0])]
    [DataRow(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' })]
    public void Open_NotAZip_SaysSo(byte[] bytes) => StringAssert.Contains(ModelZip.LoadError(bytes), "it is not a zip archive");

    [TestMethod]
    public void Open_EveryTruncation_InvalidData()
    {
        byte[] zip = FruitZip();
        for (int length = 0; length < zip.Length; length++)
        {
            var cut = zip[..length];
            try
            {
                ModelZip.Load(cut, out _);
                Assert.Fail($"a zip cut to {length} of {zip.Length} bytes loaded");
            }
            catch (InvalidDataException)
            {
            }
        }
    }

    [TestMethod]
    public void Open_EverySingleByteCorruption_InvalidDataOrTheSameModel()
    {
        byte[] zip = FruitZip();
        string expected = Behaviour(zip);
        var random = new SeededRandom(7);
        int rejected = 0;
        for (int i = 0; i < zip.Length; i++)
        {
            var corrupt = (byte[])zip.Clone();
            corrupt[i] ^= (byte)(1 + random.NextUInt32() % 255);
            try
            {
                Assert.AreEqual(expected, Behaviour(corrupt), $"byte {i} changed the model without being detected");
            }
            catch (InvalidDataException e)
            {
                StringAssert.Contains(e.Message, "'stream'", $"byte {i}: {e.Message}");
                rejected++;
            }
        }
        Assert.IsGreaterThan(zip.Length / 2, rejected);
    }

    [TestMethod]
    [DataRow("../../evil.bin")]
    [DataRow("Model/../../evil.bin")]
    [DataRow("/etc/evil.bin")]
    [DataRow("C:/evil.bin")]
    [DataRow("Model\\evil.bin")]
    [DataRow("Model/./evil.bin")]
    [DataRow("Model//evil.bin")]
    [DataRow("Model/evil.exe")]
    [DataRow("Model/evil bin.bin")]
    [DataRow("Model/évil.bin")]
    [DataRow("Model/")]
    public void Open_UnsafeEntryName_NotAllowed(string name)
    {
        var zip = ModelZip.Add(FruitZip(), name, [1]);
        StringAssert.Contains(ModelZip.LoadError(zip), $"entry name '{name}' is not allowed");
    }

    [TestMethod]
    public void Open_ControlCharacterInName_PrintedSafely()
    {
        var zip = ModelZip.Add(FruitZip(), "Model/evil\u0007\n.bin", [1]);
        StringAssert.Contains(ModelZip.LoadError(zip), "entry name 'Model/evil??.bin' is not allowed");
    }

    [TestMethod]
    public void Open_TrailingNewlineInName_NotAllowed()
    {
        var zip = ModelZip.Add(FruitZip(), "Model/evil.bin\n", [1]);
        StringAssert.Contains(ModelZip.LoadError(zip), "entry name 'Model/evil.bin?' is not allowed");
    }

    [TestMethod]
    public void Open_OverlongName_NotAllowed()
    {
        var zip = ModelZip.Add(FruitZip(), $"Model/{new string('a', 65)}.bin", [1]);
        StringAssert.Contains(ModelZip.LoadError(zip), "is not allowed");
    }

    [TestMethod]
    public void Open_DuplicateEntry_Rejected()
    {
        var zip = ModelZip.Add(FruitZip(), Step0, [1]);
        StringAssert.Contains(ModelZip.LoadError(zip), $"entry '{Step0}' appears twice");
    }

    [TestMethod]
    public void Open_TooManyEntries_Rejected()
    {
        var entries = ModelZip.Entries(FruitZip());
        entries.AddRange(Enumerable.Range(0, PipelineFormat.MaxEntries).Select(i => ($"Extra/E{i}.bin", Array.Empty<byte>())));
        StringAssert.Contains(ModelZip.LoadError(ModelZip.Build(entries, CompressionLevel.NoCompression)), $"at most {PipelineFormat.MaxEntries} are allowed");
    }

    [TestMethod]
    [DataRow(CompressionLevel.Optimal, 1000u, "ends after 46 of its 1000 bytes")]
    [DataRow(CompressionLevel.NoCompression, 1000u, "ends after 46 of its 1000 bytes")]
    [DataRow(CompressionLevel.Optimal, 10u, "do not match the CRC-32")]
    [DataRow(CompressionLevel.NoCompression, 10u, "holds more bytes than its header's 10")]
    [DataRow(CompressionLevel.Optimal, 0u, "do not match the CRC-32")]
    public void ReadEntry_HeaderLiesAboutSize_Rejected(CompressionLevel level, uint claimed, string expected)
    {
        var zip = ModelZip.PatchDeclaredSize(ModelZip.Build(ModelZip.Entries(FruitZip()), level), Step0, claimed);
        StringAssert.Contains(ModelZip.LoadError(zip), $"entry '{Step0}' {expected}".Replace($"'{Step0}' do", $"'{Step0}' is corrupt: its contents do"));
    }

    [TestMethod]
    public void ReadEntry_TinyEntryClaimingGigabytes_FailsWithoutAllocatingThem()
    {
        var zip = ModelZip.PatchDeclaredSize(FruitZip(), Step0, 2_000_000_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        StringAssert.Contains(ModelZip.LoadError(zip), "ends after 46 of its 2000000000 bytes");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.IsLessThan(4L << 20, allocated, $"{allocated} bytes allocated");
    }

    [TestMethod]
    public void ReadEntry_ClaimAboveTheEntryLimit_RejectedWhenOpened()
    {
        var zip = ModelZip.PatchDeclaredSize(FruitZip(), Step0, uint.MaxValue - 16);
        StringAssert.Contains(ModelZip.LoadError(zip), $"entry '{Step0}' claims {uint.MaxValue - 16} bytes; at most {PipelineFormat.MaxEntryBytes} are allowed");
    }

    [TestMethod]
    public void ReadEntry_FlippedDataByte_CrcMismatch()
    {
        var entries = ModelZip.Entries(FruitZip());
        var stored = ModelZip.Build(entries, CompressionLevel.NoCompression);
        byte[] data = entries.Single(e => e.Name == Step0).Data;
        int at = stored.AsSpan().IndexOf(data);
        stored[at + data.Length - 2] ^= 0x20; // a letter of the last key value changes case: still a valid model
        StringAssert.Contains(ModelZip.LoadError(stored), $"entry '{Step0}' is corrupt: its contents do not match the CRC-32 in its header");
    }

    [TestMethod]
    public void ReadEntry_UnknownCompressionMethod_Corrupt()
    {
        var zip = FruitZip();
        byte[] name = Encoding.UTF8.GetBytes(Step0);
        for (int i = 0; i + 46 < zip.Length; i++)
        {
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x02014b50 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name)) BinaryPrimitives.WriteUInt16LittleEndian(zip.AsSpan(i + 10), 99);
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name)) BinaryPrimitives.WriteUInt16LittleEndian(zip.AsSpan(i + 8), 99);
        }
        StringAssert.Contains(ModelZip.LoadError(zip), $"entry '{Step0}' is corrupt (");
    }

    [TestMethod]
    public void ReadEntry_Missing_NamesIt()
    {
        using var reader = new PipelineArchiveReader(new MemoryStream(FruitZip()), "fruit.zip");
        var error = Assert.ThrowsExactly<InvalidDataException>(() => reader.ReadEntry("Model/Step9/Model.bin"));
        Assert.AreEqual("Invalid model file 'fruit.zip': entry 'Model/Step9/Model.bin' is missing.", error.Message);
    }

    [TestMethod]
    public void OpenReader_ExistingEntry_ReadsItsBytes()
    {
        using var reader = new PipelineArchiveReader(new MemoryStream(FruitZip()), "fruit.zip");
        var stream = reader.OpenReader("Model/Model.bin");
        Assert.AreEqual("Model/Model.bin", stream.EntryName);
        Assert.AreEqual(4, stream.Remaining);
        Assert.AreEqual(4, stream.ReadInt32(), "the chain's step count");
    }
}
