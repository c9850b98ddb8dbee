// PrimitiveValueCodec: arrays of every primitive raw type round-trip exactly (NaN, -0, extremes, Unicode), UInt32
// values outside their range and counts beyond the bytes left are rejected before allocating, others are refused.
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

[TestClass]
public sealed class PrimitiveValueCodecTests
{
    private static T[] RoundTrip<T>(T[] values)
    {
        var reader = new ModelStreamReader(ModelZip.Stream(w => PrimitiveValueCodec.Write<T>(w, values)), "V.bin");
        var read = PrimitiveValueCodec.Read<T>(reader, "values");
        reader.RequireEnd();
        return read;
    }

    [TestMethod]
    public void WriteRead_EveryRawType_SameValues()
    {
        CollectionAssert.AreEqual(new[] { float.NaN, -0f, float.MaxValue, float.Epsilon, float.NegativeInfinity }, RoundTrip(new[] { float.NaN, -0f, float.MaxValue, float.Epsilon, float.NegativeInfinity }));
        Assert.IsTrue(float.IsNegative(RoundTrip(new[] { -0f })[0]));
        CollectionAssert.AreEqual(new[] { double.NaN, 1e300, -1.5 }, RoundTrip(new[] { double.NaN, 1e300, -1.5 }));
        CollectionAssert.AreEqual(new[] { int.MinValue, 0, int.MaxValue }, RoundTrip(new[] { int.MinValue, 0, int.MaxValue }));
        CollectionAssert.AreEqual(new[] { 0u, 7u, uint.MaxValue }, RoundTrip(new[] { 0u, 7u, uint.MaxValue }));
        CollectionAssert.AreEqual(new byte[] { 0, 255 }, RoundTrip(new byte[] { 0, 255 }));
        CollectionAssert.AreEqual(new[] { true, false }, RoundTrip(new[] { true, false }));
        CollectionAssert.AreEqual(new[] { "", "pear", "naïve ☃" },
            RoundTrip(new[] { "".AsMemory(), "pear".AsMemory(), "naïve ☃".AsMemory() }).Select(m => m.ToString()).ToArray());
        Assert.IsEmpty(RoundTrip(Array.Empty<bool>()));
    }

    [TestMethod]
    [DataRow(-1L)]
    [DataRow(4294967296L)]
    public void Read_UInt32OutOfRange_Rejected(long value)
    {
        var reader = new ModelStreamReader(ModelZip.Stream(w => { w.WriteInt32(1); w.WriteInt64(value); }), "V.bin");
        var error = Assert.ThrowsExactly<InvalidDataException>(() => PrimitiveValueCodec.Read<uint>(reader, "keys"));
        StringAssert.Contains(error.Message, $"keys[0] is {value}, outside the UInt32 range");
    }

    [TestMethod]
    public void Read_HugeClaimedCount_FailsBeforeAllocating()
    {
        var reader = new ModelStreamReader(ModelZip.Stream(w => { w.WriteInt32(60_000_000); w.WriteBool(true); }), "V.bin");
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.ThrowsExactly<InvalidDataException>(() => PrimitiveValueCodec.Read<bool>(reader, "flags"));
        Assert.IsLessThan(64L << 10, GC.GetAllocatedBytesForCurrentThread() - before);
        StringAssert.Contains(error.Message, "flags claims 60000000 items but only 1 bytes remain");
    }

    [TestMethod]
    public void WriteAndRead_UnsupportedType_NotSupported()
    {
        StringAssert.Contains(Assert.ThrowsExactly<NotSupportedException>(() => ModelZip.Stream(w => PrimitiveValueCodec.Write<long>(w, new long[] { 1 }))).Message,
            "Values of type Int64 cannot be saved");
        var reader = new ModelStreamReader(ModelZip.Stream(w => { w.WriteInt32(1); w.WriteInt64(1); }), "V.bin");
        Assert.ThrowsExactly<NotSupportedException>(() => PrimitiveValueCodec.Read<long>(reader, "values"));
    }
}
