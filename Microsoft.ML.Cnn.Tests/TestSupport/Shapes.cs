// Runs an op's shape rule the way a network does: through ComputationGraph.Emit on placeholders.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class Shapes
{
    /// <summary>The op's output shapes for these inputs; a broken rule throws <see cref="ShapeInferenceException"/>.</summary>
    public static IReadOnlyList<Shape> Infer(Op op, params Shape[] inputs)
    {
        var graph = new ComputationGraph();
        var values = inputs.Select((s, i) => graph.Emit(new Placeholder($"input{i}", s))).ToArray();
        using (graph.Scope("layer_under_test"))
            return graph.EmitNode(op, values).Outputs.Select(v => v.Shape).ToArray();
    }

    /// <summary>The single output shape.</summary>
    public static Shape InferOne(Op op, params Shape[] inputs) => Infer(op, inputs)[0];
}
