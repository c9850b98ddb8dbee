using System.Buffers.Binary;
using System.Text;
using Microsoft.ML.Cnn.Persistence.SafeTensors;

namespace Microsoft.ML.Cnn.Tests.Persistence.SafeTensors;

[TestClass]
public sealed class SafeTensorsWriterTests
{
    [TestMethod]
    public void WriteTo_ThenRead_RoundTripsValuesShapesAndMetadata()
    {
        var writer = new SafeTensorsWriter();
        writer.Metadata["source"] = "test ü";
        float[] weights = [1f, -2.5f, float.Epsilon, float.MaxValue, 0.1f, -0f];
        writer.Add("conv.weight", [2, 1, 1, 3], weights);
        writer.Add("bn.num_batches_tracked", [], new long[] { 42 });
        writer.Add("half", SafeTensorsDType.F16, [1], BitConverter.GetBytes(BitConverter.HalfToUInt16Bits((Half)0.5f)));
        writer.Add("empty", [0], Array.Empty<float>());
        var stream = new MemoryStream();
        writer.WriteTo(stream);
        stream.Position = 0;

        using var reader = new SafeTensorsReader(stream);
        CollectionAssert.AreEqual(new[] { "conv.weight", "bn.num_batches_tracked", "half", "empty" }, reader.Tensors.Select(t => t.Name).ToArray());
        CollectionAssert.AreEqual(weights, reader.ReadSingles("conv.weight"));
        CollectionAssert.AreEqual(new long[] { 2, 1, 1, 3 }, reader.Tensors[0].Shape.ToArray());
        Assert.IsEmpty(reader.Tensors[1].Shape);
        Assert.AreEqual(42L, BinaryPrimitives.ReadInt64LittleEndian(stream.ToArray().AsSpan((int)(stream.Length - 2 - 8), 8)));
        CollectionAssert.AreEqual(new[] { 0.5f }, reader.ReadSingles("half"));
        Assert.AreEqual("test ü", reader.Metadata["source"]);
    }

    [TestMethod]
    public void WriteTo_Header_IsPaddedSoDataStartsAligned()
    {
        var writer = new SafeTensorsWriter();
        writer.Add("w", [3], new[] { 1f, 2f, 3f });
        var stream = new MemoryStream();
        writer.WriteTo(stream);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(stream.ToArray());
        Assert.AreEqual(0UL, headerLength % 8);
        StringAssert.EndsWith(Encoding.UTF8.GetString(stream.ToArray(), 8, (int)headerLength).TrimEnd(' '), "}");
        Assert.AreEqual(8 + (long)headerLength + 12, stream.Length);
    }

    [TestMethod]
    public void Save_File_WritesItAtomically()
    {
        string path = Path.Combine(Path.GetTempPath(), $"writer-{Guid.NewGuid():N}.safetensors");
        try
        {
            var writer = new SafeTensorsWriter();
            writer.Add("w", [1], new[] { 7f });
            writer.Save(path);
            Assert.IsFalse(File.Exists(path + ".tmp"));
            using var reader = SafeTensorsReader.Open(path);
            CollectionAssert.AreEqual(new[] { 7f }, reader.ReadSingles("w"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static IEnumerable<object[]> InvalidAdds =>
    [
        ["wrong count", (Action<SafeTensorsWriter>)(w => w.Add("w", [2, 2], new float[3])), "has shape [2, 2] (4 values) but 3 F32 values"],
        ["negative dim", (Action<SafeTensorsWriter>)(w => w.Add("w", [-1], new float[0])), "negative dimension"],
        ["duplicate", (Action<SafeTensorsWriter>)(w => { w.Add("w", [1], new float[1]); w.Add("w", [1], new float[1]); }), "added twice"],
        ["metadata name", (Action<SafeTensorsWriter>)(w => w.Add("__metadata__", [1], new float[1])), "reserved for metadata"],
        ["partial element", (Action<SafeTensorsWriter>)(w => w.Add("h", SafeTensorsDType.F16, [1], new byte[3])), "not a whole number of 2-byte F16 elements"],
    ];

    [TestMethod]
    [DynamicData(nameof(InvalidAdds))]
    public void Add_InvalidTensor_ThrowsArgument(string scenario, Action<SafeTensorsWriter> add, string expected)
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => add(new SafeTensorsWriter()), scenario);
        StringAssert.Contains(e.Message, expected, scenario);
    }
}
