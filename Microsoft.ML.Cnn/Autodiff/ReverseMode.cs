// Reverse-mode differentiation over the static graph: walk the nodes in reverse topological order,
// ask each op's gradient rule for its input gradients, and sum gradients where a value fans out.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Autodiff;

/// <summary>Appends the backward pass of a scalar loss to a graph.</summary>
public static class ReverseMode
{
    /// <summary>
    /// Emits the ops computing d<paramref name="loss"/>/d<paramref name="wrt"/> into <paramref name="graph"/>.
    /// Only the nodes between the targets and the loss are differentiated, so, for example, no gradient is
    /// computed for the network's input image.
    /// </summary>
    /// <returns>One gradient per target, with the target's shape (zeros where the loss does not depend on it).</returns>
    public static IReadOnlyList<Value> Gradients(ComputationGraph graph, Value loss, IReadOnlyList<Value> wrt)
    {
        if (loss.Shape.Rank != 0) throw new ArgumentException($"The loss must be a scalar, got {loss}.", nameof(loss));
        int nodeCount = loss.Producer.Id + 1;

        // Forward: which values depend on a target.
        var dependsOnTarget = new bool[graph.Values.Count];
        foreach (var target in wrt) dependsOnTarget[target.Id] = true;
        for (int n = 0; n < nodeCount; n++)
        {
            var node = graph.Nodes[n];
            if (node.Inputs.Any(v => dependsOnTarget[v.Id]))
                foreach (var output in node.Outputs) dependsOnTarget[output.Id] = true;
        }

        var gradients = new Value?[graph.Values.Count];
        using (graph.Scope("loss.grad"))
            gradients[loss.Id] = graph.Emit(new Fill(Shape.Scalar, 1f));

        for (int n = nodeCount - 1; n >= 0; n--)
        {
            var node = graph.Nodes[n];
            var outputGradients = node.Outputs.Select(v => gradients[v.Id]).ToArray();
            if (outputGradients.All(g => g is null)) continue;
            var needs = node.Inputs.Select(v => dependsOnTarget[v.Id]).ToArray();
            if (!needs.Any(x => x)) continue;

            IReadOnlyList<Value?> inputGradients;
            using (graph.Scope(node.Name + ".grad"))
                inputGradients = node.Op.Gradient(new GradientContext(graph, node, outputGradients, needs));
            if (inputGradients.Count != node.Inputs.Count)
                throw new InvalidOperationException($"{node.Op.Name}'s gradient rule returned {inputGradients.Count} gradients for {node.Inputs.Count} inputs.");

            for (int i = 0; i < inputGradients.Count; i++)
            {
                var g = inputGradients[i];
                if (g is null || !needs[i]) continue;
                var input = node.Inputs[i];
                if (g.Shape != input.Shape)
                    throw new InvalidOperationException($"{node.Op.Name}'s gradient for input {i} has shape {g.Shape}, expected {input.Shape}.");
                using (graph.Scope(node.Name + ".grad"))
                    gradients[input.Id] = gradients[input.Id] is { } existing ? graph.Emit(new Add(), existing, g) : g;
            }
        }

        var result = new Value[wrt.Count];
        for (int i = 0; i < wrt.Count; i++)
        {
            using (graph.Scope(wrt[i].Producer.Name + ".zero_grad"))
                result[i] = gradients[wrt[i].Id] ?? graph.Emit(new Fill(wrt[i].Shape, 0f));
        }
        return result;
    }
}
