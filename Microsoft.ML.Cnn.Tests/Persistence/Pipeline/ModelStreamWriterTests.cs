// ModelStreamWriter: little-endian, length-prefixed layout byte for byte, every value read back by ModelStreamReader,
// and strings too long for the format refused at save time.
using System.Text;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

[TestClass]
public sealed class ModelStreamWriterTests
{
    [Flags]
    public enum Options
    {
        None = 0,
        First = 1,
        Second = 2,
    }

    [TestMethod]
    public void Write_Values_LittleEndianLengthPrefixedLayout()
    {
        var bytes = ModelZip.Stream(w =>
        {
            w.WriteInt32(0x01020304);
            w.WriteString("é");
            w.WriteBool(true);
            w.WriteSingle(1f);
            w.WriteNullableString(null);
            w.WriteInt32s([7]);
            w.WriteEnum(Options.Second);
        });
        CollectionAssert.AreEqual(new byte[]
        {
            4, 3, 2, 1,
            2, 0, 0, 0, 0xC3, 0xA9,
            1,
            0, 0, 0x80, 0x3F,
            0,
            1, 0, 0, 0, 7, 0, 0, 0,
            2, 0, 0, 0,
        }, bytes);
    }

    [TestMethod]
    public void WriteThenRead_EveryValueKind_SameValues()
    {
        float[] singles = Enumerable.Range(0, 3000).Select(i => i * 0.25f - 7).ToArray(); // longer than the writer's 4 KB chunk
        var bytes = ModelZip.Stream(w =>
        {
            w.WriteByte(200);
            w.WriteBool(false);
            w.WriteInt32(int.MinValue);
            w.WriteInt64(long.MaxValue);
            w.WriteSingle(float.NegativeInfinity);
            w.WriteDouble(Math.PI);
            w.WriteEnum(Options.First | Options.Second);
            w.WriteString("");
            w.WriteString("naïve ☃");
            w.WriteNullableString("x");
            w.WriteStrings(["a", "", "ü"]);
            w.WriteInt32s([1, -2, int.MaxValue]);
            w.WriteSingles(singles);
            w.WriteDoubles([double.Epsilon, -0.0]);
            w.WriteType(new VectorDataViewType(new KeyDataViewType(9), 2, 3));
        });
        var r = new ModelStreamReader(bytes, "E.bin");
        Assert.AreEqual(200, r.ReadByte());
        Assert.IsFalse(r.ReadBool("flag"));
        Assert.AreEqual(int.MinValue, r.ReadInt32());
        Assert.AreEqual(long.MaxValue, r.ReadInt64());
        Assert.AreEqual(float.NegativeInfinity, r.ReadSingle());
        Assert.AreEqual(Math.PI, r.ReadDouble());
        Assert.AreEqual(Options.First | Options.Second, r.ReadEnum<Options>("options"));
        Assert.AreEqual("", r.ReadString("empty"));
        Assert.AreEqual("naïve ☃", r.ReadString("text"));
        Assert.AreEqual("x", r.ReadNullableString("nullable"));
        CollectionAssert.AreEqual(new[] { "a", "", "ü" }, r.ReadStrings("strings"));
        CollectionAssert.AreEqual(new[] { 1, -2, int.MaxValue }, r.ReadInt32s("ints"));
        CollectionAssert.AreEqual(singles, r.ReadSingles("singles"));
        var doubles = r.ReadDoubles("doubles");
        Assert.AreEqual(double.Epsilon, doubles[0]);
        Assert.IsTrue(double.IsNegative(doubles[1]));
        Assert.AreEqual<DataViewType>(new VectorDataViewType(new KeyDataViewType(9), 2, 3), r.ReadType("type"));
        r.RequireEnd();
    }

    [TestMethod]
    public void WriteString_LongerThanTheFormatHolds_NotSupported()
    {
        var error = Assert.ThrowsExactly<NotSupportedException>(() => ModelZip.Stream(w => w.WriteString(new string('x', PipelineFormat.MaxStringBytes + 1))));
        StringAssert.Contains(error.Message, $"longer than a model file holds ({PipelineFormat.MaxStringBytes})");
        Assert.HasCount(4 + PipelineFormat.MaxStringBytes, ModelZip.Stream(w => w.WriteString(new string('x', PipelineFormat.MaxStringBytes))));
    }

    [TestMethod]
    public void WriteString_Null_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => ModelZip.Stream(w => w.WriteString(null!)));
        Assert.ThrowsExactly<ArgumentNullException>(() => ModelZip.Stream(w => w.WriteStrings(null!)));
    }

    [TestMethod]
    public void WriteString_Utf8Bytes_CountedNotChars()
    {
        var bytes = ModelZip.Stream(w => w.WriteString("☃"));
        Assert.AreEqual(Encoding.UTF8.GetByteCount("☃"), BitConverter.ToInt32(bytes, 0));
    }
}
