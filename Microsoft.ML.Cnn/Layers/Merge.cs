// Layers that join several inputs: elementwise Add (residual connections) and channel Concat.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>The elementwise sum of two or more inputs of equal shape (a residual block's shortcut join).</summary>
public sealed class Add(string? name = null) : Layer(name)
{
    public override string TypeName => "Add";

    public override (int Min, int Max) InputCount => (2, int.MaxValue);

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs)
    {
        var sum = inputs[0];
        for (int i = 1; i < inputs.Count; i++) sum = context.Emit(new Ops.Add(), sum, inputs[i]);
        return sum;
    }
}

/// <summary>Joins two or more inputs along the channel axis (axis 1); other dimensions must match.</summary>
public sealed class Concat(string? name = null) : Layer(name)
{
    public override string TypeName => "Concat";

    public override (int Min, int Max) InputCount => (2, int.MaxValue);

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Ops.Concat(), [.. inputs]);
}
