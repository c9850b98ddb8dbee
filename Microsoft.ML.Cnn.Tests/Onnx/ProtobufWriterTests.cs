// The wire-format writer against bytes from the protobuf encoding guide and hand-encoded fields.
using Microsoft.ML.Cnn.Onnx;

namespace Microsoft.ML.Cnn.Tests.Onnx;

[TestClass]
public sealed class ProtobufWriterTests
{
    [TestMethod]
    [DataRow(0UL, "00")]
    [DataRow(1UL, "01")]
    [DataRow(127UL, "7f")]
    [DataRow(128UL, "8001")]
    [DataRow(150UL, "9601")]
    [DataRow(300UL, "ac02")]
    [DataRow(ulong.MaxValue, "ffffffffffffffffff01")]
    public void WriteVarint_Value_IsSevenBitGroupsLeastSignificantFirst(ulong value, string expected)
    {
        var writer = new ProtobufWriter();
        writer.WriteVarint(value);
        Assert.AreEqual(expected, Convert.ToHexStringLower(writer.WrittenSpan));
    }

    [TestMethod]
    public void WriteInt64_Field1Value150_MatchesTheEncodingGuide()
    {
        var writer = new ProtobufWriter();
        writer.WriteInt64(1, 150);
        Assert.AreEqual("089601", Convert.ToHexStringLower(writer.WrittenSpan));
    }

    [TestMethod]
    public void WriteInt64_NegativeValue_TakesTenBytes()
    {
        var writer = new ProtobufWriter();
        writer.WriteInt64(3, -1);
        Assert.AreEqual("18ffffffffffffffffff01", Convert.ToHexStringLower(writer.WrittenSpan));
    }

    [TestMethod]
    public void WriteString_Field2Testing_MatchesTheEncodingGuide()
    {
        var writer = new ProtobufWriter();
        writer.WriteString(2, "testing");
        Assert.AreEqual("120774657374696e67", Convert.ToHexStringLower(writer.WrittenSpan));
    }

    [TestMethod]
    public void WriteString_NonAscii_WritesUtf8ByteLength()
    {
        var writer = new ProtobufWriter();
        writer.WriteString(1, "é");
        Assert.AreEqual("0a02c3a9", Convert.ToHexStringLower(writer.WrittenSpan));
    }

    [TestMethod]
    public void WriteFloat_One_IsFixed32LittleEndian()
    {
        var writer = new ProtobufWriter();
        writer.WriteFloat(2, 1f);
        Assert.AreEqual("150000803f", Convert.ToHexStringLower(writer.WrittenSpan));
    }

    [TestMethod]
    public void WriteBytes_Empty_WritesZeroLength()
    {
        var writer = new ProtobufWriter();
        writer.WriteBytes(9, []);
        Assert.AreEqual("4a00", Convert.ToHexStringLower(writer.WrittenSpan));
    }

    [TestMethod]
    public void WriteMessage_Nested_PrefixesItsLength()
    {
        // The encoding guide's Test3 { Test1 c = 3; } with a = 150: 1a 03 08 96 01.
        var writer = new ProtobufWriter();
        writer.WriteMessage(3, 150L, static (inner, a) => inner.WriteInt64(1, a));
        Assert.AreEqual("1a03089601", Convert.ToHexStringLower(writer.WrittenSpan));
    }

    [TestMethod]
    public void WriteTag_HighFieldNumber_IsAVarint()
    {
        var writer = new ProtobufWriter();
        writer.WriteTag(20, WireType.Varint);
        Assert.AreEqual("a001", Convert.ToHexStringLower(writer.WrittenSpan));
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(1 << 29)]
    public void WriteTag_FieldOutOfRange_Throws(int field)
    {
        var writer = new ProtobufWriter();
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => writer.WriteTag(field, WireType.Varint));
    }
}
