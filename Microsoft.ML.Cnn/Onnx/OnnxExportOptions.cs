// What an engine-level ONNX export is configured with: names, the output head and the input's preprocessing.
namespace Microsoft.ML.Cnn.Onnx;

/// <summary>What the exported model appends to the network's output. Values are pinned.</summary>
public enum OnnxOutputHead : byte
{
    /// <summary>The network's output as it is (logits, or a regression value), named <see cref="OnnxExportOptions.OutputName"/>.</summary>
    None = 0,
    /// <summary>Softmax over the classes of a [N, K] output: <see cref="OnnxExportOptions.OutputName"/> holds probabilities.</summary>
    Softmax = 1,
    /// <summary>
    /// <see cref="OnnxExportOptions.OutputName"/> holds the network's output (a logit) and
    /// <see cref="OnnxExportOptions.ProbabilityOutputName"/> its sigmoid.
    /// </summary>
    Sigmoid = 2,
}

/// <summary>
/// An elementwise affine step applied to the model's input before the network: <c>y = (x - Offset) * Scale</c>.
/// <see cref="Offset"/> and <see cref="Scale"/> hold the values of a tensor of <see cref="Dimensions"/>, broadcast
/// against the per-sample input as numpy does: <c>[]</c> for one number, <c>[C, 1, 1]</c> per channel of (C, H, W),
/// the sample shape itself per value. Steps left out of the graph when they change nothing (offset 0, scale 1).
/// </summary>
/// <param name="Name">Names the step's nodes and initializers, e.g. "NormalizeImageChannels".</param>
/// <param name="Dimensions">The shape of <paramref name="Offset"/> and <paramref name="Scale"/>.</param>
/// <param name="Offset">Subtracted first.</param>
/// <param name="Scale">Multiplies the difference.</param>
public sealed record OnnxInputTransform(string Name, int[] Dimensions, float[] Offset, float[] Scale);

/// <summary>The settings of <see cref="OnnxExporter.Export(Layers.Network, Stream, OnnxExportOptions?)"/>.</summary>
public sealed class OnnxExportOptions
{
    /// <summary>The input tensor's name; null (default) for the network input's name ("input" unless named).</summary>
    public string? InputName { get; init; }

    /// <summary>The output tensor's name. Default "output".</summary>
    public string OutputName { get; init; } = "output";

    /// <summary>What is appended to the network's output. Default <see cref="OnnxOutputHead.None"/>.</summary>
    public OnnxOutputHead Head { get; init; } = OnnxOutputHead.None;

    /// <summary>The sigmoid's output name with <see cref="OnnxOutputHead.Sigmoid"/>. Default "probability".</summary>
    public string ProbabilityOutputName { get; init; } = "probability";

    /// <summary>Affine steps applied to the input, in order, before the network (e.g. pixel scaling and channel normalization). Default none.</summary>
    public IReadOnlyList<OnnxInputTransform> InputTransforms { get; init; } = [];

    /// <summary>Key-value metadata stored in the model (ModelProto.metadata_props). Default none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The model's description (ModelProto.doc_string). Default empty.</summary>
    public string Description { get; init; } = "";
}
