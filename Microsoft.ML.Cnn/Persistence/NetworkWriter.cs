// Writes a network (architecture, wiring, weights) in the model file format, followed by its SHA-256.
using System.Security.Cryptography;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Persistence;

// *** Binary format *** (version 2; little-endian; the reader in NetworkReader.cs mirrors this block)
// header:
//   byte[8]  magic "MLCNNNET"
//   uint16   format version = 2 (version 1 lacks MaxPool2D's ceilMode and the kinds marked "v2"; readers still accept it)
//   int64    body length B in bytes (at most 2^31)
// body (B bytes):
//   int32 layer count L; per layer (in the network's topological order):
//     byte LayerKind, string name, bool trainable, float32 learning-rate multiplier,
//     then the kind's config (LayerConfigCodec.cs):
//       Conv2D          int32 filters, kernel (h, w), stride (h, w), padding, dilation (h, w), int32 groups, bool useBias, byte Activation
//       DepthwiseConv2D kernel (h, w), stride (h, w), padding, int32 depth multiplier, dilation (h, w), bool useBias, byte Activation
//       MaxPool2D       pool (h, w), stride (h, w), padding, bool ceilMode (v2; absent in version 1 files, read as false)
//       AvgPool2D       pool (h, w), stride (h, w), padding, bool countIncludesPadding
//       L2Pool2D        pool (h, w), stride (h, w), padding (v2)
//       LocalResponseNorm int32 size, float32 alpha, float32 beta, float32 k (v2)
//       Reshape         shape (per-sample target)
//       Dense           int32 units, byte Activation, bool useBias
//       LeakyReLU, ELU  float32 alpha
//       Dropout         float32 rate, bool hasSeed, int64 seed
//       BatchNorm       float32 momentum, float32 epsilon
//       GlobalAveragePool2D, Flatten, ReLU, Sigmoid, Tanh, Softmax, Add, Concat: nothing
//   int32 application count A; per application (topological order, inputs first where they are used):
//     byte 0 (network input): string name, shape (per sample)
//     byte 1 (layer call):    int32 layer index, int32 input count n, int32 application index[n] (each earlier than this one)
//   int32 network input count, int32 application index[...]
//   int32 network output count, int32 application index[...]
//   int32 parameter count P; per parameter: string name, byte ParameterRole, shape, float32 values[product of dims]
// trailer:
//   byte[32] SHA-256 of the header and body
// string = uint16 UTF-8 byte count, bytes; bool = byte 0 or 1; (h, w) = two int32; shape = int32 rank, int32 dims[rank];
// padding = byte PaddingMode, int32 top, bottom, left, right (zero unless explicit).
internal static class NetworkWriter
{
    public static void Write(Network network, Stream destination)
    {
        var body = new MemoryStream();
        WriteBody(new ModelWriter(body), network);
        if (body.Length > ModelFormat.MaxBodyBytes)
            throw new NotSupportedException($"The network needs {body.Length} bytes, more than a model file holds ({ModelFormat.MaxBodyBytes}).");

        var output = new MemoryStream(capacity: ModelFormat.HeaderLength + (int)body.Length + ModelFormat.ChecksumLength);
        var header = new ModelWriter(output);
        output.Write(ModelFormat.Magic);
        header.WriteUInt16(ModelFormat.CurrentVersion);
        header.WriteInt64(body.Length);
        body.Position = 0;
        body.CopyTo(output);
        output.Write(SHA256.HashData(output.GetBuffer().AsSpan(0, (int)output.Length)));
        output.Position = 0;
        output.CopyTo(destination);
    }

    private static void WriteBody(ModelWriter w, Network network)
    {
        var layerIndex = new Dictionary<Layer, int>();
        w.WriteInt32(network.Layers.Count);
        foreach (var layer in network.Layers)
        {
            layerIndex[layer] = layerIndex.Count;
            // The config first fixes the kind byte's position: kind, then name and flags, then the rest of the config.
            var config = new MemoryStream();
            LayerConfigCodec.Write(new ModelWriter(config), layer);
            var bytes = config.ToArray();
            w.WriteByte(bytes[0]);
            w.WriteString(layer.Name);
            w.WriteBool(layer.Trainable);
            w.WriteSingle(layer.LearningRateMultiplier);
            foreach (byte b in bytes.AsSpan(1)) w.WriteByte(b);
        }

        var applicationIndex = new Dictionary<SymbolicTensor, int>();
        w.WriteInt32(network.Applications.Count);
        foreach (var tensor in network.Applications)
        {
            applicationIndex[tensor] = applicationIndex.Count;
            if (tensor.Layer is null)
            {
                w.WriteByte(0);
                w.WriteString(tensor.InputName!);
                w.WriteShape(tensor.Shape.SampleShape);
                continue;
            }
            w.WriteByte(1);
            w.WriteInt32(layerIndex[tensor.Layer]);
            w.WriteInt32(tensor.Inputs.Count);
            foreach (var input in tensor.Inputs) w.WriteInt32(applicationIndex[input]);
        }
        WriteIndices(w, network.Inputs, applicationIndex);
        WriteIndices(w, network.Outputs, applicationIndex);

        w.WriteInt32(network.Parameters.Count);
        foreach (var parameter in network.Parameters)
        {
            w.WriteString(parameter.Name);
            w.WriteByte((byte)parameter.Role);
            w.WriteShape(parameter.Shape);
            w.WriteFloats(parameter.Data);
        }
    }

    private static void WriteIndices(ModelWriter w, IReadOnlyList<SymbolicTensor> tensors, Dictionary<SymbolicTensor, int> index)
    {
        w.WriteInt32(tensors.Count);
        foreach (var t in tensors) w.WriteInt32(index[t]);
    }
}
