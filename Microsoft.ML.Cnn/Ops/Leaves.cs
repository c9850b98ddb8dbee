// Ops with no inputs: data fed from outside, parameters, and constants.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Ops;

/// <summary>A value fed by the caller on every run (images, labels). Its leading dimension is usually the batch.</summary>
public sealed record Placeholder(string InputName, Shape Shape) : Op
{
    protected override (int Min, int Max) InputCount => (0, 0);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [Shape];

    public override IReadOnlyList<Value?> Gradient(GradientContext context) => [];
}

/// <summary>Reads a <see cref="Graph.Parameter"/>: its gradient is what the optimizer consumes.</summary>
public sealed record ParameterRead(Parameter Parameter) : Op
{
    protected override (int Min, int Max) InputCount => (0, 0);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [Parameter.Shape];

    public override IReadOnlyList<Value?> Gradient(GradientContext context) => [];
}

/// <summary>A tensor with every element equal to <paramref name="Value"/> (the loss seed, zero gradients).</summary>
public sealed record Fill(Shape Shape, float Value) : Op
{
    protected override (int Min, int Max) InputCount => (0, 0);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [Shape];

    public override IReadOnlyList<Value?> Gradient(GradientContext context) => [];
}
