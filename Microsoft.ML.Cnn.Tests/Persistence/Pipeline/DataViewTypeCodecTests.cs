// DataViewTypeCodec: every savable column type round-trips; types a file cannot describe are refused at save time;
// bad tags, key counts, vector shapes and image sizes are rejected on load, and a run of vector tags cannot nest.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

[TestClass]
public sealed class DataViewTypeCodecTests
{
    public static IEnumerable<object[]> SavableTypes =>
    [
        [NumberDataViewType.Single], [NumberDataViewType.Double], [NumberDataViewType.Int32], [NumberDataViewType.UInt32],
        [NumberDataViewType.Byte], [BooleanDataViewType.Instance], [TextDataViewType.Instance],
        [new KeyDataViewType(3)], [new KeyDataViewType(typeof(byte), 200)], [new KeyDataViewType(uint.MaxValue)],
        [new VectorDataViewType(NumberDataViewType.Single, 3)], [new VectorDataViewType(NumberDataViewType.Single)],
        [new VectorDataViewType(TextDataViewType.Instance, 2, 3)], [new VectorDataViewType(new KeyDataViewType(5), 4)],
        [new VectorDataViewType(NumberDataViewType.Byte, 3, 32, 32)], [new ImageDataViewType()], [new ImageDataViewType(32, 28)],
    ];

    private static DataViewType RoundTrip(DataViewType type)
    {
        var reader = new ModelStreamReader(ModelZip.Stream(w => DataViewTypeCodec.Write(w, type)), "T.bin");
        var read = DataViewTypeCodec.Read(reader, "type");
        reader.RequireEnd();
        return read;
    }

    [TestMethod]
    [DynamicData(nameof(SavableTypes))]
    public void WriteRead_SavableType_SameType(DataViewType type)
    {
        Assert.IsTrue(DataViewTypeCodec.CanWrite(type));
        var read = RoundTrip(type);
        Assert.AreEqual(type, read);
        Assert.AreEqual(type.ToString(), read.ToString());
    }

    private sealed class CustomType() : DataViewType(typeof(long))
    {
        public override bool Equals(DataViewType? other) => other is CustomType;
        public override int GetHashCode() => 1;
    }

    public static IEnumerable<object[]> UnsavableTypes =>
    [
        [new CustomType(), "cannot be saved"],
        [new VectorDataViewType(NumberDataViewType.Single, 0, 3), "needs known dimensions"],
        [new VectorDataViewType(NumberDataViewType.Single, 1, 1, 1, 1, 1, 1, 1, 1, 1), "9 dimensions; 1 to 8 are allowed"],
    ];

    [TestMethod]
    [DynamicData(nameof(UnsavableTypes))]
    public void Write_TypeTheReaderWouldRefuse_NotSupported(DataViewType type, string expected)
    {
        Assert.IsFalse(DataViewTypeCodec.CanWrite(type));
        StringAssert.Contains(Assert.ThrowsExactly<NotSupportedException>(() => ModelZip.Stream(w => DataViewTypeCodec.Write(w, type))).Message, expected);
    }

    private static string ReadError(byte[] bytes) =>
        Assert.ThrowsExactly<InvalidDataException>(() => DataViewTypeCodec.Read(new ModelStreamReader(bytes, "T.bin"), "type of 'X'")).Message;

    private static byte[] Bytes(Action<ModelStreamWriter> write) => ModelZip.Stream(write);

    [TestMethod]
    [DataRow((byte)0)]
    [DataRow((byte)11)]
    [DataRow((byte)255)]
    public void Read_UnknownTag_Rejected(byte tag) => StringAssert.Contains(ReadError([tag]), $"type of 'X': type tag {tag} is not a known column type");

    [TestMethod]
    [DataRow((byte)9, "not Vector")]
    [DataRow((byte)10, "not Image")]
    public void Read_VectorOfNonPrimitive_Rejected(byte itemTag, string expected) =>
        StringAssert.Contains(ReadError([9, itemTag, 1, 0, 0, 0, 3, 0, 0, 0]), $"a vector's items must be primitive, {expected}");

    [TestMethod]
    public void Read_LongRunOfVectorTags_RejectedWithoutNesting()
    {
        var bytes = Enumerable.Repeat((byte)9, 1_000_000).ToArray();
        StringAssert.Contains(ReadError(bytes), "a vector's items must be primitive, not Vector");
    }

    [TestMethod]
    [DataRow((byte)1, 3L, "key raw type tag 1 is not Byte or UInt32")]
    [DataRow((byte)4, 0L, "key count 0 is outside [1, 4294967295]")]
    [DataRow((byte)4, 4294967296L, "key count 4294967296 is outside [1, 4294967295]")]
    [DataRow((byte)5, 256L, "key count 256 is outside [1, 255]")]
    [DataRow((byte)5, -1L, "key count -1 is outside [1, 255]")]
    public void Read_BadKey_Rejected(byte rawTag, long count, string expected) =>
        StringAssert.Contains(ReadError(Bytes(w => { w.WriteByte(8); w.WriteByte(rawTag); w.WriteInt64(count); })), expected);

    [TestMethod]
    [DataRow(new int[0], "a vector has 0 dimensions; 1 to 8 are allowed")]
    [DataRow(new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1 }, "a vector has 9 dimensions")]
    [DataRow(new[] { 3, -1 }, "vector dimension -1 is negative")]
    [DataRow(new[] { 65536, 65536 }, "vector of dimensions [65536, 65536] is too large")]
    [DataRow(new[] { 3, 0 }, "a multi-dimensional vector needs known dimensions")]
    public void Read_BadVectorShape_Rejected(int[] dims, string expected) =>
        StringAssert.Contains(ReadError(Bytes(w => { w.WriteByte(9); w.WriteByte(1); w.WriteInt32s(dims); })), expected);

    [TestMethod]
    [DataRow(0, 5, "image size 0x5 gives one side only")]
    [DataRow(-1, 5, "type of 'X' image height is -1, outside [0, 1048576]")]
    [DataRow(5, 1 << 21, "type of 'X' image width is 2097152, outside [0, 1048576]")]
    public void Read_BadImageSize_Rejected(int height, int width, string expected) =>
        StringAssert.Contains(ReadError(Bytes(w => { w.WriteByte(10); w.WriteInt32(height); w.WriteInt32(width); })), expected);

    [TestMethod]
    public void Read_Truncated_Rejected() => StringAssert.Contains(ReadError([8, 4, 1]), "the data ends 7 bytes early");
}
