// One operation applied to values of the graph.
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Graph;

/// <summary>An <see cref="Ops.Op"/> applied to input values, producing output values.</summary>
public sealed class Node
{
    private readonly Value[] _outputs;

    internal Node(Op op, string name, Value[] inputs, int id, IReadOnlyList<Shape> outputShapes, int firstValueId)
    {
        Op = op;
        Name = name;
        Inputs = inputs;
        Id = id;
        _outputs = new Value[outputShapes.Count];
        for (int i = 0; i < _outputs.Length; i++) _outputs[i] = new Value(this, i, outputShapes[i], firstValueId + i);
    }

    public Op Op { get; }

    /// <summary>The name of the layer (or autodiff step) that emitted this node; used in error messages.</summary>
    public string Name { get; }

    public IReadOnlyList<Value> Inputs { get; }

    public IReadOnlyList<Value> Outputs => _outputs;

    /// <summary>Position in the graph, which is also a topological order.</summary>
    public int Id { get; }

    public override string ToString() => $"{Name} = {Op}";
}
