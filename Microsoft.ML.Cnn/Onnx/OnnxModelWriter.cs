// Serializes an OnnxModel as onnx.proto's ModelProto. Field numbers are onnx.proto's (onnx/onnx, onnx/onnx.proto;
// the same in every release since IR version 3); only the fields named here are written.
namespace Microsoft.ML.Cnn.Onnx;

internal static class OnnxModelWriter
{
    /// <summary>Writes <paramref name="model"/> to <paramref name="stream"/>.</summary>
    public static void Write(OnnxModel model, Stream stream)
    {
        var writer = new ProtobufWriter();
        WriteModel(writer, model);
        stream.Write(writer.WrittenSpan);
    }

    /// <summary>The bytes of <paramref name="model"/>.</summary>
    public static byte[] ToBytes(OnnxModel model)
    {
        var writer = new ProtobufWriter();
        WriteModel(writer, model);
        return writer.WrittenSpan.ToArray();
    }

    // ModelProto: ir_version = 1, producer_name = 2, producer_version = 3, doc_string = 6, graph = 7, opset_import = 8,
    // metadata_props = 14.
    internal static void WriteModel(ProtobufWriter w, OnnxModel model)
    {
        w.WriteInt64(1, model.IrVersion);
        w.WriteString(2, model.ProducerName);
        w.WriteString(3, model.ProducerVersion);
        if (model.DocString.Length > 0) w.WriteString(6, model.DocString);
        w.WriteMessage(7, model.Graph, WriteGraph);
        // OperatorSetIdProto: domain = 1 ("" is the default ai.onnx domain; written, as onnx.helper.make_opsetid does), version = 2.
        w.WriteMessage(8, model.OpsetVersion, static (o, version) => { o.WriteString(1, ""); o.WriteInt64(2, version); });
        foreach (var entry in model.Metadata)
        {
            // StringStringEntryProto: key = 1, value = 2.
            w.WriteMessage(14, entry, static (e, pair) => { e.WriteString(1, pair.Key); e.WriteString(2, pair.Value); });
        }
    }

    // GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12.
    internal static void WriteGraph(ProtobufWriter w, OnnxGraph graph)
    {
        foreach (var node in graph.Nodes) w.WriteMessage(1, node, WriteNode);
        w.WriteString(2, graph.Name);
        foreach (var tensor in graph.Initializers) w.WriteMessage(5, tensor, WriteTensor);
        foreach (var input in graph.Inputs) w.WriteMessage(11, input, WriteValueInfo);
        foreach (var output in graph.Outputs) w.WriteMessage(12, output, WriteValueInfo);
    }

    // NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5 (domain = 7 left out: the default domain).
    internal static void WriteNode(ProtobufWriter w, OnnxNode node)
    {
        foreach (string input in node.Inputs) w.WriteString(1, input);
        foreach (string output in node.Outputs) w.WriteString(2, output);
        w.WriteString(3, node.Name);
        w.WriteString(4, node.OpType);
        foreach (var attribute in node.Attributes) w.WriteMessage(5, attribute, WriteAttribute);
    }

    // AttributeProto: name = 1, f = 2, i = 3, ints = 8 (repeated, not packed in onnx.proto), type = 20.
    internal static void WriteAttribute(ProtobufWriter w, OnnxAttribute attribute)
    {
        w.WriteString(1, attribute.Name);
        switch (attribute.Type)
        {
            case OnnxAttributeType.Float: w.WriteFloat(2, attribute.Float); break;
            case OnnxAttributeType.Int: w.WriteInt64(3, attribute.Int); break;
            case OnnxAttributeType.Ints: foreach (long value in attribute.Ints) w.WriteInt64(8, value); break;
            default: throw new ArgumentOutOfRangeException(nameof(attribute), attribute.Type, "Unknown attribute type.");
        }
        w.WriteInt64(20, (long)attribute.Type);
    }

    // TensorProto: dims = 1 (repeated, not packed), data_type = 2, name = 8, raw_data = 9.
    internal static void WriteTensor(ProtobufWriter w, OnnxTensor tensor)
    {
        foreach (long d in tensor.Dims) w.WriteInt64(1, d);
        w.WriteInt64(2, (long)tensor.DataType);
        w.WriteString(8, tensor.Name);
        w.WriteBytes(9, tensor.RawData);
    }

    // ValueInfoProto: name = 1, type = 2. TypeProto: tensor_type = 1. TypeProto.Tensor: elem_type = 1, shape = 2.
    // TensorShapeProto: dim = 1. Dimension: dim_value = 1 or dim_param = 2.
    internal static void WriteValueInfo(ProtobufWriter w, OnnxValueInfo info)
    {
        w.WriteString(1, info.Name);
        w.WriteMessage(2, info, static (type, i) => type.WriteMessage(1, i, static (tensor, t) =>
        {
            tensor.WriteInt64(1, (long)t.ElementType);
            tensor.WriteMessage(2, t.Shape, static (shape, dims) =>
            {
                foreach (var dim in dims)
                {
                    shape.WriteMessage(1, dim, static (d, value) =>
                    {
                        if (value.Parameter is not null) d.WriteString(2, value.Parameter);
                        else d.WriteInt64(1, value.Value);
                    });
                }
            });
        }));
    }
}
