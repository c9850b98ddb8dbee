// Layers that re-view a tensor without changing its values: Flatten and Reshape.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>[N, C, H, W] to [N, C*H*W] (row-major, as Keras channels-first and PyTorch flatten), before a <see cref="Dense"/> layer.</summary>
public sealed class Flatten(string? name = null) : Layer(name)
{
    public override string TypeName => "Flatten";

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Ops.Reshape(Shape.Batched(inputs[0].Shape.SampleSize)), inputs[0]);
}

/// <summary>Gives each sample a new shape with the same number of values, e.g. <c>new Reshape(1, 28, 28)</c> for flat pixels.</summary>
public sealed class Reshape : Layer
{
    public Reshape(params int[] sampleShape) : this(sampleShape, null) { }

    public Reshape(int[] sampleShape, string? name) : base(name)
    {
        if (sampleShape.Length == 0 || sampleShape.Any(d => d <= 0))
            throw new ArgumentException($"A reshape target needs positive per-sample dimensions, got ({string.Join(", ", sampleShape)}).", nameof(sampleShape));
        SampleShape = new Shape(sampleShape);
    }

    public override string TypeName => "Reshape";

    /// <summary>The per-sample target shape (without the batch).</summary>
    public Shape SampleShape { get; }

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Ops.Reshape(Shape.Batched(SampleShape.ToArray())), inputs[0]);
}
