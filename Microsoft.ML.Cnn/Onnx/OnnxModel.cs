// The in-memory form of an exported ONNX file: the few onnx.proto messages the exporter fills, as plain records
// (the exporter builds them, OnnxModelWriter serializes them, tests inspect them).
using System.Buffers.Binary;

namespace Microsoft.ML.Cnn.Onnx;

/// <summary>TensorProto.DataType values used here (onnx.proto numbering).</summary>
internal enum OnnxDataType
{
    Float = 1,
    Int64 = 7,
}

/// <summary>AttributeProto.AttributeType values used here (onnx.proto numbering).</summary>
internal enum OnnxAttributeType
{
    Float = 1,
    Int = 2,
    Ints = 7,
}

/// <summary>ModelProto: format and operator-set versions, producer, documentation, metadata and the graph.</summary>
internal sealed record OnnxModel(long IrVersion, long OpsetVersion, string ProducerName, string ProducerVersion, string DocString,
    OnnxGraph Graph, IReadOnlyList<KeyValuePair<string, string>> Metadata);

/// <summary>GraphProto: nodes in topological order, weights as initializers, typed inputs and outputs.</summary>
internal sealed record OnnxGraph(string Name, IReadOnlyList<OnnxNode> Nodes, IReadOnlyList<OnnxTensor> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs, IReadOnlyList<OnnxValueInfo> Outputs);

/// <summary>NodeProto of the default (ai.onnx) domain.</summary>
internal sealed record OnnxNode(string OpType, string Name, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, IReadOnlyList<OnnxAttribute> Attributes)
{
    /// <summary>The attribute named <paramref name="name"/>, or null.</summary>
    public OnnxAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);
}

/// <summary>AttributeProto holding an int, a float or a list of ints.</summary>
internal sealed record OnnxAttribute(string Name, OnnxAttributeType Type, long Int, float Float, IReadOnlyList<long> Ints)
{
    public static OnnxAttribute Of(string name, long value) => new(name, OnnxAttributeType.Int, value, 0f, []);

    public static OnnxAttribute Of(string name, float value) => new(name, OnnxAttributeType.Float, 0, value, []);

    public static OnnxAttribute Of(string name, params long[] values) => new(name, OnnxAttributeType.Ints, 0, 0f, values);
}

/// <summary>TensorProto with its values as little-endian raw data.</summary>
internal sealed record OnnxTensor(string Name, OnnxDataType DataType, IReadOnlyList<long> Dims, byte[] RawData)
{
    public static OnnxTensor Float(string name, IReadOnlyList<long> dims, ReadOnlySpan<float> values)
    {
        CheckCount(name, dims, values.Length);
        var raw = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        return new OnnxTensor(name, OnnxDataType.Float, dims, raw);
    }

    public static OnnxTensor Int64(string name, IReadOnlyList<long> dims, ReadOnlySpan<long> values)
    {
        CheckCount(name, dims, values.Length);
        var raw = new byte[values.Length * sizeof(long)];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * sizeof(long)), values[i]);
        return new OnnxTensor(name, OnnxDataType.Int64, dims, raw);
    }

    /// <summary>The values of a float tensor.</summary>
    public float[] FloatValues()
    {
        if (DataType != OnnxDataType.Float) throw new InvalidOperationException($"Tensor '{Name}' holds {DataType}, not Float.");
        var values = new float[RawData.Length / sizeof(float)];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(RawData.AsSpan(i * sizeof(float)));
        return values;
    }

    /// <summary>The values of an int64 tensor.</summary>
    public long[] Int64Values()
    {
        if (DataType != OnnxDataType.Int64) throw new InvalidOperationException($"Tensor '{Name}' holds {DataType}, not Int64.");
        var values = new long[RawData.Length / sizeof(long)];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt64LittleEndian(RawData.AsSpan(i * sizeof(long)));
        return values;
    }

    private static void CheckCount(string name, IReadOnlyList<long> dims, int count)
    {
        long expected = 1;
        foreach (long d in dims) expected *= d;
        if (expected != count) throw new ArgumentException($"Tensor '{name}' of dims ({string.Join(", ", dims)}) needs {expected} values, got {count}.");
    }
}

/// <summary>One dimension of a TensorShapeProto: a size, or a named symbolic size such as the batch "N".</summary>
internal readonly record struct OnnxDimension(long Value, string? Parameter)
{
    public static OnnxDimension Fixed(long value) => new(value, null);

    public static OnnxDimension Symbolic(string parameter) => new(0, parameter);

    public override string ToString() => Parameter ?? Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>ValueInfoProto of a tensor: its name, element type and shape.</summary>
internal sealed record OnnxValueInfo(string Name, OnnxDataType ElementType, IReadOnlyList<OnnxDimension> Shape);
