// Exports a trained network to an ONNX file (IR version 8, opset 17), with optional input scaling in front and a
// softmax or sigmoid head behind; the model runs in ONNX Runtime and ML.NET's ApplyOnnxModel.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Onnx;

/// <summary>
/// Writes a <see cref="Network"/> in inference form (dropout removed, batch norm on running statistics) as an ONNX
/// model: input [N, C, H, W] (the network's input shape after a symbolic batch "N"), weights as initializers, one
/// or two nodes per op (activations fused into a layer become their own nodes). A layer whose ops have no ONNX
/// mapping fails with a <see cref="NotSupportedException"/> naming it.
/// </summary>
public static class OnnxExporter
{
    /// <summary>The ONNX IR version written (ONNX 1.10 and later read it).</summary>
    public const long IrVersion = 8;

    /// <summary>The operator set of the default domain the model imports.</summary>
    public const long OpsetVersion = 17;

    /// <summary>The name of the symbolic batch dimension of the input and outputs.</summary>
    public const string BatchDimension = "N";

    /// <summary>Writes <paramref name="network"/> to <paramref name="stream"/> (left open).</summary>
    /// <exception cref="NotSupportedException">The network has several inputs or outputs, or a layer with no ONNX mapping.</exception>
    public static void Export(Network network, Stream stream, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        OnnxModelWriter.Write(CreateModel(network, options ?? new OnnxExportOptions()), stream);
    }

    /// <summary>Writes <paramref name="network"/> to the file <paramref name="filePath"/>, replacing it.</summary>
    public static void Export(Network network, string filePath, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        var bytes = OnnxModelWriter.ToBytes(CreateModel(network, options ?? new OnnxExportOptions()));
        File.WriteAllBytes(filePath, bytes);
    }

    /// <summary>The model that <see cref="Export(Network, Stream, OnnxExportOptions?)"/> writes.</summary>
    internal static OnnxModel CreateModel(Network network, OnnxExportOptions options)
    {
        if (network.Inputs.Count != 1 || network.Outputs.Count != 1)
            throw new NotSupportedException($"ONNX export takes networks with one input and one output; this one has {network.Inputs.Count} and {network.Outputs.Count}.");
        if (!Enum.IsDefined(options.Head)) throw new ArgumentOutOfRangeException(nameof(options), options.Head, "Unknown output head; use None, Softmax or Sigmoid.");
        if (options.Head == OnnxOutputHead.Softmax && network.OutputShape.Rank != 1)
            throw new ArgumentException($"A softmax head needs a network output of classes, (K) per sample; this network outputs {network.OutputShape}.", nameof(options));

        var builder = new OnnxGraphBuilder();
        string input = builder.Claim(options.InputName ?? network.Inputs[0].InputName ?? "input");
        string output = builder.Claim(options.OutputName);
        string? probability = options.Head == OnnxOutputHead.Sigmoid ? builder.Claim(options.ProbabilityOutputName) : null;

        string x = input;
        foreach (var transform in options.InputTransforms) x = OnnxInputTransformLowering.Emit(builder, transform, x, network.InputShape);
        string logits = OnnxNetworkLowering.Emit(builder, network, x, options.Head == OnnxOutputHead.Softmax ? null : output);
        if (options.Head == OnnxOutputHead.Softmax) builder.AddNode("Softmax", "head", [logits], output, OnnxAttribute.Of("axis", 1L));
        if (probability is not null) builder.AddNode("Sigmoid", "head", [logits], probability);

        var outputs = new List<OnnxValueInfo> { Batched(output, network.OutputShape) };
        if (probability is not null) outputs.Add(Batched(probability, network.OutputShape));
        var graph = new OnnxGraph("Microsoft.ML.Cnn", builder.Nodes, builder.Initializers, [Batched(input, network.InputShape)], outputs);
        var version = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";
        return new OnnxModel(IrVersion, OpsetVersion, "Microsoft.ML.Cnn", version, options.Description, graph,
            [.. options.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal)]);
    }

    private static OnnxValueInfo Batched(string name, Shape sampleShape) =>
        new(name, OnnxDataType.Float, [OnnxDimension.Symbolic(BatchDimension), .. sampleShape.Select(d => OnnxDimension.Fixed(d))]);
}
