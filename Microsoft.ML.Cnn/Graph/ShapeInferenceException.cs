// The error raised while building a graph whose shapes do not fit together.
namespace Microsoft.ML.Cnn.Graph;

/// <summary>
/// A layer's input does not fit its shape rule. The message names the layer, its input shapes and the
/// rule that broke, e.g. "Layer 'conv2d_2' (Conv2D): input (N, 1, 3, 3): output height = floor((n + pt + pb - d(f-1) - 1)/s) + 1 = ...".
/// </summary>
public sealed class ShapeInferenceException : InvalidOperationException
{
    public ShapeInferenceException(string layerName, string opName, IReadOnlyList<Shape> inputShapes, string reason)
        : base($"Layer '{layerName}' ({opName}): input {FormatShapes(inputShapes)}: {reason}")
    {
        LayerName = layerName;
        Reason = reason;
        InputShapes = inputShapes.ToArray();
    }

    public string LayerName { get; }

    public string Reason { get; }

    public IReadOnlyList<Shape> InputShapes { get; }

    private static string FormatShapes(IReadOnlyList<Shape> shapes) =>
        shapes.Count == 1 ? shapes[0].ToString() : "[" + string.Join(", ", shapes) + "]";
}

/// <summary>Thrown by an op's shape rule; the graph builder adds the layer name and input shapes.</summary>
public sealed class ShapeRuleException(string reason) : Exception(reason);
