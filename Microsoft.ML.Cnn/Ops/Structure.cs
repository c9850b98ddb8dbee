// Ops that combine or re-view tensors: residual Add, channel Concat and its inverse slice, Reshape.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Ops;

/// <summary>y = a + b, elementwise, same shapes (residual connections; also sums fan-in gradients).</summary>
public sealed record Add : Op
{
    protected override (int Min, int Max) InputCount => (2, 2);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        Require(inputs[0] == inputs[1],
            $"Add needs equal shapes, got {inputs[0]} and {inputs[1]}" +
            (inputs[0].Rank == 4 && inputs[1].Rank == 4 && inputs[0][1] != inputs[1][1]
                ? $" (channels {inputs[0][1]} vs {inputs[1][1]}: project the shortcut with a 1x1 convolution)." : "."));
        return [inputs[0]];
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        [context.OutputGradient(), context.OutputGradient()];
}

/// <summary>y = [x0, x1, ...] joined along axis 1 (channels for [N, C, H, W], features for [N, F]).</summary>
public sealed record Concat : Op
{
    protected override (int Min, int Max) InputCount => (1, int.MaxValue);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        var first = inputs[0];
        Require(first.Rank >= 2, $"Concat joins along axis 1 and needs rank 2 or more, got {first}.");
        int channels = 0;
        foreach (var s in inputs)
        {
            bool sameOtherDims = s.Rank == first.Rank && Enumerable.Range(0, s.Rank).All(i => i == 1 || s[i] == first[i]);
            Require(sameOtherDims, $"Concat needs every input to match {first} outside axis 1, got {s}.");
            channels += s[1];
        }
        return [first.WithDimension(1, channels)];
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context)
    {
        var dy = context.OutputGradientOrThrow;
        var result = new Value?[context.InputCount];
        int start = 0;
        for (int i = 0; i < context.InputCount; i++)
        {
            int length = context.Input(i).Shape[1];
            if (context.NeedsGradient(i)) result[i] = context.Emit(new SliceAxis1(start, length), dy);
            start += length;
        }
        return result;
    }
}

/// <summary>y = x[:, Start : Start + Length, ...]: the part of axis 1 one Concat input came from.</summary>
public sealed record SliceAxis1(int Start, int Length) : BackwardOp
{
    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        var x = inputs[0];
        Require(x.Rank >= 2 && Start >= 0 && Length > 0 && Start + Length <= x[1],
            $"slice [{Start}, {Start + Length}) of axis 1 is outside {x}.");
        return [x.WithDimension(1, Length)];
    }
}

/// <summary>
/// Same elements, new shape (Flatten is Reshape to [N, C*H*W]). The batch dimension is kept; the target
/// gives the per-sample dimensions.
/// </summary>
public sealed record Reshape(Shape Target) : Op
{
    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        var x = inputs[0];
        Require(x.HasSymbolicBatch || x.Rank > 0, $"Reshape needs a batched input, got {x}.");
        Require(Target.Rank > 0 && Target[0] == x[0], $"Reshape keeps the batch dimension: target {Target} must start with {(x[0] == Shape.Batch ? "N" : x[0])}.");
        Require(Target.SampleSize == x.SampleSize,
            $"cannot reshape {x} ({x.SampleSize} values per sample) to {Target} ({Target.SampleSize} values per sample).");
        return [Target];
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        [context.Emit(new Reshape(context.Input(0).Shape), context.OutputGradientOrThrow)];
}
