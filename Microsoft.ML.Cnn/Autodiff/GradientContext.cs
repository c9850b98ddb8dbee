// What an op's gradient rule sees: its node's inputs and outputs, the incoming output gradients,
// and a way to emit the backward ops into the graph.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Autodiff;

/// <summary>The view a gradient rule has of one forward node during reverse-mode differentiation.</summary>
public sealed class GradientContext
{
    private readonly ComputationGraph _graph;
    private readonly Node _node;
    private readonly Value?[] _outputGradients;
    private readonly bool[] _inputNeedsGradient;

    internal GradientContext(ComputationGraph graph, Node node, Value?[] outputGradients, bool[] inputNeedsGradient)
    {
        _graph = graph;
        _node = node;
        _outputGradients = outputGradients;
        _inputNeedsGradient = inputNeedsGradient;
    }

    public int InputCount => _node.Inputs.Count;

    public Value Input(int index) => _node.Inputs[index];

    public Value Output(int index = 0) => _node.Outputs[index];

    /// <summary>The gradient flowing into an output, or null when nothing downstream depends on it.</summary>
    public Value? OutputGradient(int index = 0) => _outputGradients[index];

    /// <summary>The gradient of output 0, which the caller guarantees exists for single-output ops.</summary>
    public Value OutputGradientOrThrow =>
        _outputGradients[0] ?? throw new InvalidOperationException($"{_node.Name}: no gradient reaches its output.");

    /// <summary>True when the loss depends on a trainable parameter through this input.</summary>
    public bool NeedsGradient(int inputIndex) => _inputNeedsGradient[inputIndex];

    /// <summary>True when any of the listed inputs needs a gradient.</summary>
    public bool NeedsAnyGradient(params int[] inputIndices) => inputIndices.Any(NeedsGradient);

    /// <summary>Emits a single-output backward op.</summary>
    public Value Emit(Op op, params Value[] inputs) => _graph.Emit(op, inputs);

    /// <summary>Emits a multi-output backward op and returns its outputs.</summary>
    public IReadOnlyList<Value> EmitMany(Op op, params Value[] inputs) => _graph.EmitNode(op, inputs).Outputs;
}
