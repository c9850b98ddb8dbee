// Lowers a network's inference graph to ONNX nodes: the placeholder becomes the given input tensor, each parameter
// an initializer under its own name (e.g. "conv2d_1.weight"), each op the nodes of its OnnxOpTable row.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Onnx;

internal static class OnnxNetworkLowering
{
    /// <summary>The ops the table maps, for error messages.</summary>
    internal const string MappedOps =
        "Conv2D, Dense, MaxPool2D, AvgPool2D, L2Pool2D, GlobalAvgPool, LocalResponseNorm, BatchNormInference, Eltwise (Relu, LeakyRelu, Elu, Sigmoid, Tanh), Softmax, Add, Concat, Reshape";

    /// <summary>
    /// Emits <paramref name="network"/> (one input, one output) reading the tensor <paramref name="input"/>; returns the
    /// name of its output, which is <paramref name="output"/> when given.
    /// </summary>
    public static string Emit(OnnxGraphBuilder builder, Network network, string input, string? output)
    {
        var lowered = network.BuildGraph(NetworkMode.Inference);
        var result = lowered.Outputs[0];
        var names = new Dictionary<Value, string> { [lowered.Inputs[0]] = input };
        foreach (var node in lowered.Graph.Nodes)
        {
            switch (node.Op)
            {
                case Placeholder:
                    continue;
                case ParameterRead read:
                    names[node.Outputs[0]] = builder.AddInitializer(read.Parameter.Name, Dimensions(read.Parameter.Shape), read.Parameter.Data);
                    continue;
            }
            if (node.Outputs.Count != 1) throw Unsupported(network, node, $"it has {node.Outputs.Count} outputs in an inference graph");
            var inputs = node.Inputs.Select(v => names[v]).ToArray();
            string? claimed = node.Outputs[0] == result ? output : null;
            names[node.Outputs[0]] = OnnxOpTable.Emit(node.Op, new OnnxOpSite(builder, node.Name, inputs, claimed))
                ?? throw Unsupported(network, node, OnnxOpTable.WhyNotExportable(node.Op) ?? "it is not in the ONNX export table (OnnxOpTable)");
        }
        string produced = names[result];
        // A network whose output is its input (no layers) still needs a node writing the output's name.
        return output is null || produced == output ? produced : builder.AddNode("Identity", "output", [produced], output);
    }

    /// <summary>A shape's dimensions as ONNX's int64s.</summary>
    internal static long[] Dimensions(Shape shape)
    {
        var dims = new long[shape.Rank];
        for (int i = 0; i < dims.Length; i++) dims[i] = shape[i];
        return dims;
    }

    private static NotSupportedException Unsupported(Network network, Node node, string reason)
    {
        var layer = network.Layers.FirstOrDefault(l => l.Name == node.Name);
        string who = layer is null ? $"Node '{node.Name}'" : $"Layer '{layer.Name}' ({layer.TypeName})";
        return new NotSupportedException(
            $"{who} lowers to the op {node.Op.Name}, which cannot be exported to ONNX: {reason}. " +
            $"The exporter maps these ops: {MappedOps}; build the layer from them to export it.");
    }
}
