using System.Buffers.Binary;
using Microsoft.ML.Cnn.Persistence.SafeTensors;
using Microsoft.ML.Cnn.Tests.TestSupport;
using static Microsoft.ML.Cnn.Tests.TestSupport.SafeTensorsBytes;

namespace Microsoft.ML.Cnn.Tests.Persistence.SafeTensors;

[TestClass]
public sealed class SafeTensorsReaderTests
{
    [TestMethod]
    public void Constructor_ValidFile_ListsTensorsAndMetadata()
    {
        string header = "{\"__metadata__\":{\"format\":\"pt\"}," + Entry("a", "F32", [2, 2], 0, 16) + "," + Entry("n", "I64", [], 16, 24) + "," + Entry("empty", "F32", [0, 3], 24, 24) + "}  ";
        using var reader = new SafeTensorsReader(Stream(header, new byte[24]));

        CollectionAssert.AreEqual(new[] { "a", "n", "empty" }, reader.Tensors.Select(t => t.Name).ToArray());
        Assert.AreEqual("pt", reader.Metadata["format"]);
        Assert.IsTrue(reader.TryGetTensor("n", out var counter));
        Assert.AreEqual(SafeTensorsDType.I64, counter.DType);
        Assert.AreEqual(1L, counter.ElementCount);
        Assert.IsEmpty(reader.ReadSingles("empty"));
    }

    [TestMethod]
    public void ReadSingles_EveryFloatDType_ConvertsToSingle()
    {
        float[] expected = [1.5f, -2.25f, 0f, 65504f];
        var f16 = new byte[8];
        var bf16 = new byte[8];
        var f64 = new byte[32];
        var f32 = new byte[16];
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(f16.AsSpan(2 * i), (Half)expected[i]);
            BinaryPrimitives.WriteUInt16LittleEndian(bf16.AsSpan(2 * i), (ushort)(BitConverter.SingleToUInt32Bits(expected[i]) >> 16));
            BinaryPrimitives.WriteDoubleLittleEndian(f64.AsSpan(8 * i), expected[i]);
            BinaryPrimitives.WriteSingleLittleEndian(f32.AsSpan(4 * i), expected[i]);
        }
        string header = "{" + Entry("h", "F16", [4], 0, 8) + "," + Entry("b", "BF16", [2, 2], 8, 16) + "," + Entry("d", "F64", [4], 16, 48) + "," + Entry("s", "F32", [4], 48, 64) + "}";
        using var reader = new SafeTensorsReader(Stream(header, [.. f16, .. bf16, .. f64, .. f32]));

        CollectionAssert.AreEqual(expected, reader.ReadSingles("h"));
        CollectionAssert.AreEqual(new[] { 1.5f, -2.25f, 0f, 65280f }, reader.ReadSingles("b"), "65504 truncated to bfloat16's 8 significand bits");
        CollectionAssert.AreEqual(expected, reader.ReadSingles("d"));
        CollectionAssert.AreEqual(expected, reader.ReadSingles("s"));
    }

    [TestMethod]
    public void ReadSingles_IntegerTensor_ThrowsNotSupported()
    {
        using var reader = new SafeTensorsReader(Stream("{" + Entry("n", "I64", [], 0, 8) + "}", new byte[8]));
        var e = Assert.ThrowsExactly<NotSupportedException>(() => reader.ReadSingles("n"));
        StringAssert.Contains(e.Message, "I64");
    }

    [TestMethod]
    public void ReadSingles_ChunkedConversion_ReadsLargeTensorExactly()
    {
        const int count = 70_000; // more F16 values than one 64 KiB conversion chunk holds
        var bytes = new byte[2 * count];
        for (int i = 0; i < count; i++) BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(2 * i), (Half)(i % 1000));
        using var reader = new SafeTensorsReader(Stream("{" + Entry("big", "F16", [count], 0, 2 * count) + "}", bytes));
        var values = reader.ReadSingles("big");
        for (int i = 0; i < count; i += 997) Assert.AreEqual(i % 1000, values[i]);
        Assert.AreEqual((count - 1) % 1000, values[^1]);
    }

    public static IEnumerable<object[]> MalformedFiles =>
    [
        ["empty file", Array.Empty<byte>(), "fewer than the 8-byte header length"],
        ["truncated length", new byte[5], "fewer than the 8-byte header length"],
        ["truncated header", File("{" + Entry("a", "F32", [1], 0, 4) + "}", [])[..20], "only 12 follow"],
        ["lying length", File("{}", [], claimedLength: 1000), "claims 1000 bytes, but only 2 follow"],
        ["huge length", File("{}", [], claimedLength: ulong.MaxValue), "more than the 100000000 allowed"],
        ["not JSON", File("{\"a\":", []), "not valid JSON"],
        ["not an object", File("[1]", []), "does not start with '{'"],
        ["trailing comma", File("{" + Entry("a", "F32", [1], 0, 4) + ",}", new byte[4]), "not valid JSON"],
        ["duplicate name", File("{" + Entry("a", "F32", [1], 0, 4) + "," + Entry("a", "F32", [1], 4, 8) + "}", new byte[8]), "lists 'a' twice"],
        ["unknown dtype", File("{" + Entry("w", "F128", [1], 0, 16) + "}", new byte[16]), "tensor 'w' has unknown dtype 'F128'"],
        ["lowercase dtype", File("{" + Entry("w", "f32", [1], 0, 4) + "}", new byte[4]), "unknown dtype 'f32'"],
        ["negative dim", File("{" + Entry("w", "F32", [-1], 0, 4) + "}", new byte[4]), "shape value -1"],
        ["fractional dim", File("{\"w\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", new byte[4]), "shape value 1.5"],
        ["missing shape", File("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", new byte[4]), "tensor 'w' has no shape array"],
        ["extra field", File("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", new byte[4]), "unexpected field 'x'"],
        ["three offsets", File("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}", new byte[8]), "3 data_offsets values, expected 2"],
        ["shape/size mismatch", File("{" + Entry("w", "F32", [2, 3], 0, 20) + "}", new byte[20]), "tensor 'w' is F32 [2, 3], which needs 24 bytes, but its data_offsets [0, 20] hold 20"],
        ["size overflow", File("{" + Entry("w", "F32", [int.MaxValue, int.MaxValue, int.MaxValue], 0, 4) + "}", new byte[4]), "tensor 'w' has shape [2147483647, 2147483647, 2147483647], whose size overflows"],
        ["end before begin", File("{" + Entry("w", "F32", [1], 4, 0) + "}", new byte[4]), "the end comes before the begin"],
        ["outside buffer", File("{" + Entry("w", "F32", [2], 0, 8) + "}", new byte[4]), "tensor 'w' has data_offsets [0, 8], outside the 4-byte data buffer"],
        ["overlap", File("{" + Entry("a", "F32", [2], 0, 8) + "," + Entry("b", "F32", [2], 4, 12) + "}", new byte[12]), "tensors 'a' [0, 8] and 'b' [4, 12] overlap"],
        ["hole", File("{" + Entry("a", "F32", [1], 0, 4) + "," + Entry("b", "F32", [1], 8, 12) + "}", new byte[12]), "bytes [4, 8) of the data buffer belong to no tensor (before 'b')"],
        ["trailing bytes", File("{" + Entry("a", "F32", [1], 0, 4) + "}", new byte[6]), "bytes [4, 6) at the end"],
        ["metadata not strings", File("{\"__metadata__\":{\"epoch\":3}}", []), "metadata entry 'epoch' is a Number"],
    ];

    [TestMethod]
    [DynamicData(nameof(MalformedFiles))]
    public void Constructor_MalformedFile_ThrowsInvalidDataNamingTheProblem(string scenario, byte[] file, string expected)
    {
        var e = Assert.ThrowsExactly<InvalidDataException>(() => new SafeTensorsReader(new MemoryStream(file)), scenario);
        StringAssert.Contains(e.Message, expected, scenario);
        StringAssert.StartsWith(e.Message, "Invalid safetensors file: ", scenario);
    }

    [TestMethod]
    public void Constructor_UnseekableStream_ThrowsArgument() =>
        Assert.ThrowsExactly<ArgumentException>(() => new SafeTensorsReader(new UnseekableStream()));

    [TestMethod]
    public void Open_File_ReadsAndReleasesIt()
    {
        string path = Path.Combine(Path.GetTempPath(), $"reader-{Guid.NewGuid():N}.safetensors");
        System.IO.File.WriteAllBytes(path, File("{" + Entry("a", "F32", [1], 0, 4) + "}", BitConverter.GetBytes(3f)));
        try
        {
            using (var reader = SafeTensorsReader.Open(path)) CollectionAssert.AreEqual(new[] { 3f }, reader.ReadSingles("a"));
            System.IO.File.Delete(path);
            Assert.IsFalse(System.IO.File.Exists(path));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    private sealed class UnseekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
