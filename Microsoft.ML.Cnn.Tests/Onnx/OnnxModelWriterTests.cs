// The onnx.proto serializer against bytes made by onnx.helper (python3-onnx 1.12, whose protobuf writes fields in
// field-number order, as the writer does); the golden model also passes onnx.checker.check_model(full_check=True).
// Made with, e.g.: helper.make_node("Gemm", ["x", "w", "b"], ["y"], name="dense/Gemm", transB=1).SerializeToString().hex()
using System.Buffers.Binary;
using Microsoft.ML.Cnn.Onnx;

namespace Microsoft.ML.Cnn.Tests.Onnx;

[TestClass]
public sealed class OnnxModelWriterTests
{
    private static readonly OnnxNode Gemm = new("Gemm", "dense/Gemm", ["x", "w", "b"], ["y"], [OnnxAttribute.Of("transB", 1L)]);
    private static readonly OnnxNode LeakyRelu = new("LeakyRelu", "act/LeakyRelu", ["y"], ["z"], [OnnxAttribute.Of("alpha", 0.25f)]);
    private static readonly OnnxTensor Weight = OnnxTensor.Float("w", [3, 2], [1f, -2f, 0.5f, 3f, 0f, -1f]);

    private static string Hex(Action<ProtobufWriter> write)
    {
        var writer = new ProtobufWriter();
        write(writer);
        return Convert.ToHexStringLower(writer.WrittenSpan);
    }

    private static OnnxValueInfo Batched(string name, int features) => new(name, OnnxDataType.Float, [OnnxDimension.Symbolic("N"), OnnxDimension.Fixed(features)]);

    [TestMethod]
    public void WriteNode_IntAttribute_MatchesOnnxHelper() =>
        Assert.AreEqual("0a01780a01770a01621201791a0a64656e73652f47656d6d220447656d6d2a0d0a067472616e73421801a00102", Hex(w => OnnxModelWriter.WriteNode(w, Gemm)));

    [TestMethod]
    public void WriteNode_FloatAttribute_MatchesOnnxHelper() =>
        Assert.AreEqual("0a017912017a1a0d6163742f4c65616b7952656c7522094c65616b7952656c752a0f0a05616c706861150000803ea00101", Hex(w => OnnxModelWriter.WriteNode(w, LeakyRelu)));

    [TestMethod]
    public void WriteNode_IntsAttribute_WritesOneUnpackedFieldPerValue()
    {
        var pool = new OnnxNode("MaxPool", "pool/MaxPool", ["z"], ["p"], [OnnxAttribute.Of("pads", 0L, 1L, 2L, 3L)]);
        Assert.AreEqual("0a017a1201701a0c706f6f6c2f4d6178506f6f6c22074d6178506f6f6c2a110a04706164734000400140024003a00107", Hex(w => OnnxModelWriter.WriteNode(w, pool)));
    }

    [TestMethod]
    public void WriteTensor_Float_WritesDimsTypeNameAndRawLittleEndianData() =>
        Assert.AreEqual("0803080210014201774a180000803f000000c00000003f0000404000000000000080bf", Hex(w => OnnxModelWriter.WriteTensor(w, Weight)));

    [TestMethod]
    public void WriteTensor_Int64_MatchesOnnxHelper() =>
        Assert.AreEqual("080210074201734a100000000000000000ffffffffffffffff", Hex(w => OnnxModelWriter.WriteTensor(w, OnnxTensor.Int64("s", [2], [0L, -1L]))));

    [TestMethod]
    public void WriteValueInfo_SymbolicBatch_WritesDimParamThenDimValue() =>
        Assert.AreEqual("0a0178120f0a0d080112090a0312014e0a020802", Hex(w => OnnxModelWriter.WriteValueInfo(w, Batched("x", 2))));

    [TestMethod]
    public void ToBytes_SmallModel_MatchesOnnxHelperByteForByte()
    {
        var bias = OnnxTensor.Float("b", [3], [0.1f, 0.2f, 0.3f]);
        var graph = new OnnxGraph("g", [Gemm, LeakyRelu], [Weight, bias], [Batched("x", 2)], [Batched("z", 3)]);
        var model = new OnnxModel(8, 17, "Microsoft.ML.Cnn", "1.0.0.0", "d", graph, [new("task", "multiclass")]);

        string expected = "080812104d6963726f736f66742e4d4c2e436e6e1a07312e302e302e303201643acd010a2d0a01780a01770a01621201791a0a64656e73652f47656d6d" +
            "220447656d6d2a0d0a067472616e73421801a001020a310a017912017a1a0d6163742f4c65616b7952656c7522094c65616b7952656c752a0f0a05616c706861" +
            "150000803ea001011201672a230803080210014201774a180000803f000000c00000003f0000404000000000000080bf2a15080310014201624a0ccdcccc3dcd" +
            "cc4c3e9a99993e5a140a0178120f0a0d080112090a0312014e0a02080262140a017a120f0a0d080112090a0312014e0a02080342040a00101172120a047461" +
            "736b120a6d756c7469636c617373";
        Assert.AreEqual(expected, Convert.ToHexStringLower(OnnxModelWriter.ToBytes(model)));
    }

    [TestMethod]
    public void Write_Stream_WritesTheSameBytesAsToBytes()
    {
        var model = new OnnxModel(8, 17, "p", "v", "", new OnnxGraph("g", [Gemm], [Weight], [Batched("x", 2)], [Batched("y", 3)]), []);
        using var stream = new MemoryStream();
        OnnxModelWriter.Write(model, stream);
        CollectionAssert.AreEqual(OnnxModelWriter.ToBytes(model), stream.ToArray());
    }

    [TestMethod]
    public void Float_ValuesRoundTripThroughRawData()
    {
        CollectionAssert.AreEqual(new[] { 1f, -2f, 0.5f, 3f, 0f, -1f }, Weight.FloatValues());
        Assert.AreEqual(-2f, BinaryPrimitives.ReadSingleLittleEndian(Weight.RawData.AsSpan(4)));
    }

    [TestMethod]
    public void Float_ValueCountNotMatchingDims_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => OnnxTensor.Float("w", [2, 2], [1f, 2f, 3f]));
}
