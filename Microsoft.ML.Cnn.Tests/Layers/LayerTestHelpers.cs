// Shared helpers for layer tests: apply a layer to an input shape, and list the ops of a lowered network.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Layers;

internal static class LayerTestHelpers
{
    /// <summary>The network input -> layer, with the layer's output.</summary>
    public static Network Apply(Layer layer, params int[] inputShape) => Network.Sequential(inputShape, [layer]);

    public static Shape OutputShape(Layer layer, params int[] inputShape) => Apply(layer, inputShape).Outputs[0].Shape;

    /// <summary>The ops emitted for the network's layers (not placeholders or parameter reads).</summary>
    public static Op[] LayerOps(Network network, NetworkMode mode) =>
        network.BuildGraph(mode).Graph.Nodes.Select(n => n.Op).Where(op => op is not (Placeholder or ParameterRead)).ToArray();

    public static long ParameterCount(Layer layer) => layer.Parameters.Sum(p => (long)p.Shape.ElementCount);
}
