// ModelStreamReader on hostile bytes: every count is checked against the limit and the bytes left before anything is
// allocated, out-of-range values are named, and every message names the entry.
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

[TestClass]
public sealed class ModelStreamReaderTests
{
    private static ModelStreamReader Reader(Action<ModelStreamWriter> write) => new(ModelZip.Stream(write), "Model/Step0/Model.bin");

    private static string Error(Action action) => Assert.ThrowsExactly<InvalidDataException>(action).Message;

    [TestMethod]
    public void ReadInt32_OutOfRange_NamesValueAndRange()
    {
        var reader = Reader(w => w.WriteInt32(-5));
        Assert.AreEqual("Invalid model file: entry 'Model/Step0/Model.bin': number of steps is -5, outside [0, 10].",
            Error(() => reader.ReadInt32(0, 10, "number of steps")));
    }

    [TestMethod]
    public void ReadPastTheEnd_SaysHowManyBytesAreMissing()
    {
        var reader = Reader(w => w.WriteByte(1));
        StringAssert.Contains(Error(() => reader.ReadInt64()), "the data ends 7 bytes early");
    }

    [TestMethod]
    public void ReadBool_NotZeroOrOne_Rejected()
    {
        var reader = Reader(w => w.WriteByte(2));
        StringAssert.Contains(Error(() => reader.ReadBool("flag")), "flag is 2, expected 0 or 1");
    }

    [TestMethod]
    public void ReadFiniteSingle_NaN_Rejected()
    {
        var reader = Reader(w => w.WriteSingle(float.NaN));
        StringAssert.Contains(Error(() => reader.ReadFiniteSingle("scale")), "scale is NaN; a finite number was expected");
    }

    [TestMethod]
    public void ReadEnum_UnknownCode_Rejected()
    {
        var reader = Reader(w => w.WriteInt32(7));
        StringAssert.Contains(Error(() => reader.ReadEnum<DayOfWeek>("day")), "day code 7 is not a known DayOfWeek");
    }

    [TestMethod]
    public void ReadEnum_FlagsWithUnknownBit_Rejected()
    {
        var reader = Reader(w => { w.WriteInt32(3); w.WriteInt32(4); });
        Assert.AreEqual(ModelStreamWriterTests.Options.First | ModelStreamWriterTests.Options.Second, reader.ReadEnum<ModelStreamWriterTests.Options>("options"));
        StringAssert.Contains(Error(() => reader.ReadEnum<ModelStreamWriterTests.Options>("options")), "options code 4 is not a known Options");
    }

    [TestMethod]
    public void ReadString_InvalidUtf8_Rejected()
    {
        var reader = Reader(w => { w.WriteInt32(2); w.WriteByte(0xC3); w.WriteByte(0x28); });
        StringAssert.Contains(Error(() => reader.ReadString("column name")), "column name is not valid UTF-8");
    }

    [TestMethod]
    [DataRow(-1, "length of name is -1, outside [0, 1048576]")]
    [DataRow(int.MaxValue, "length of name is 2147483647, outside [0, 1048576]")]
    [DataRow(1000, "name claims 1000 items but only 3 bytes remain")]
    public void ReadString_BadLength_RejectedBeforeReading(int length, string expected)
    {
        var reader = Reader(w => { w.WriteInt32(length); w.WriteByte(1); w.WriteByte(2); w.WriteByte(3); });
        StringAssert.Contains(Error(() => reader.ReadString("name")), expected);
    }

    public static IEnumerable<object[]> CollectionReads =>
    [
        ["strings", (Action<ModelStreamReader>)(r => r.ReadStrings("strings"))],
        ["ints", (Action<ModelStreamReader>)(r => r.ReadInt32s("ints"))],
        ["singles", (Action<ModelStreamReader>)(r => r.ReadSingles("singles"))],
        ["doubles", (Action<ModelStreamReader>)(r => r.ReadDoubles("doubles"))],
    ];

    [TestMethod]
    [DynamicData(nameof(CollectionReads))]
    public void ReadCollection_HugeClaimedCount_FailsBeforeAllocating(string what, Action<ModelStreamReader> read)
    {
        var reader = Reader(w => { w.WriteInt32(PipelineFormat.MaxCollectionCount); w.WriteInt64(0); });
        long before = GC.GetAllocatedBytesForCurrentThread();
        string message = Error(() => read(reader));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        StringAssert.Contains(message, $"{what} claims {PipelineFormat.MaxCollectionCount} items but only 8 bytes remain");
        Assert.IsLessThan(64L << 10, allocated, $"{allocated} bytes allocated");
    }

    [TestMethod]
    [DynamicData(nameof(CollectionReads))]
    public void ReadCollection_CountAboveTheLimit_Rejected(string what, Action<ModelStreamReader> read)
    {
        var reader = Reader(w => w.WriteInt32(PipelineFormat.MaxCollectionCount + 1));
        StringAssert.Contains(Error(() => read(reader)), $"length of {what} is {PipelineFormat.MaxCollectionCount + 1}, outside [0, {PipelineFormat.MaxCollectionCount}]");
    }

    [TestMethod]
    public void RequireEnd_TrailingBytes_SaysHowMany()
    {
        var reader = Reader(w => { w.WriteInt32(1); w.WriteInt32(2); });
        reader.ReadInt32();
        Assert.AreEqual(4, reader.Remaining);
        StringAssert.Contains(Error(reader.RequireEnd), "4 unexpected bytes follow the data");
        reader.ReadInt32();
        reader.RequireEnd();
    }

    [TestMethod]
    public void Invalid_NamesTheEntry()
    {
        var reader = Reader(_ => { });
        Assert.AreEqual("Invalid model file: entry 'Model/Step0/Model.bin': bad.", reader.Invalid("bad.").Message);
    }
}
