// The static dataflow graph: an append-only list of nodes, so creation order is a topological order.
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Graph;

/// <summary>
/// A static graph of <see cref="Op"/> nodes. Every <see cref="Emit(Op, Value[])"/> runs the op's shape rule at once,
/// so a shape that breaks fails while the network is declared, naming the layer that broke it.
/// </summary>
public sealed class ComputationGraph
{
    private readonly List<Node> _nodes = [];
    private readonly List<Value> _values = [];
    private readonly Dictionary<string, int> _nameCounts = [];
    private string _scope = "";

    public IReadOnlyList<Node> Nodes => _nodes;

    /// <summary>Every value, indexed by <see cref="Value.Id"/>.</summary>
    public IReadOnlyList<Value> Values => _values;

    /// <summary>The name given to nodes emitted while no scope is open.</summary>
    public string CurrentScope => _scope;

    /// <summary>Names the nodes emitted until the returned scope is disposed (a layer names its ops this way).</summary>
    public IDisposable Scope(string name)
    {
        string previous = _scope;
        _scope = name;
        return new ScopeRestorer(this, previous);
    }

    /// <summary>Adds a node and returns its single output.</summary>
    public Value Emit(Op op, params Value[] inputs)
    {
        var outputs = EmitNode(op, inputs).Outputs;
        if (outputs.Count != 1) throw new InvalidOperationException($"{op.Name} has {outputs.Count} outputs; use EmitNode.");
        return outputs[0];
    }

    /// <summary>Adds a node, inferring its output shapes; a broken shape rule names the current layer.</summary>
    public Node EmitNode(Op op, params Value[] inputs)
    {
        foreach (var input in inputs)
        {
            if (input.Id >= _values.Count || _values[input.Id] != input)
                throw new ArgumentException($"Input {input} of {op.Name} belongs to another graph.", nameof(inputs));
        }
        var inputShapes = inputs.Select(v => v.Shape).ToArray();
        string name = _scope.Length > 0 ? _scope : UniqueName(op.Name);
        IReadOnlyList<Shape> outputShapes;
        try
        {
            op.CheckArity(inputs.Length);
            outputShapes = op.InferShapes(inputShapes);
        }
        catch (ShapeRuleException e)
        {
            throw new ShapeInferenceException(name, op.Name, inputShapes, e.Message);
        }
        var node = new Node(op, name, inputs, _nodes.Count, outputShapes, firstValueId: _values.Count);
        _nodes.Add(node);
        _values.AddRange(node.Outputs);
        return node;
    }

    /// <summary>A name not used before in this graph, e.g. "conv2d_2" for the second "conv2d".</summary>
    public string UniqueName(string prefix)
    {
        _nameCounts.TryGetValue(prefix, out int count);
        _nameCounts[prefix] = ++count;
        return $"{prefix}_{count}";
    }

    /// <summary>The distinct nodes that consume each value, indexed by value id.</summary>
    public List<Node>[] Consumers()
    {
        var consumers = new List<Node>[_values.Count];
        for (int i = 0; i < consumers.Length; i++) consumers[i] = [];
        foreach (var node in _nodes)
        {
            foreach (var input in node.Inputs)
            {
                var list = consumers[input.Id];
                if (list.Count == 0 || list[^1] != node) list.Add(node); // a node reading a value twice counts once
            }
        }
        return consumers;
    }

    private sealed class ScopeRestorer(ComputationGraph graph, string previous) : IDisposable
    {
        public void Dispose() => graph._scope = previous;
    }
}
