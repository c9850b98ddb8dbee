// Inverted dropout for training; layers emit nothing for it at inference.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Ops;

/// <summary>
/// Training-time dropout: each element is zeroed with probability <paramref name="Rate"/> and the survivors are
/// scaled by 1/(1-Rate). Outputs: y and the mask (0 or 1/(1-Rate)). The mask stream is seeded by
/// <paramref name="Seed"/> and advances every run, so a seeded training run is reproducible.
/// </summary>
public sealed record Dropout(float Rate, long Seed) : Op
{
    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        Require(Rate is >= 0f and < 1f, $"dropout rate {Rate} must be in [0, 1).");
        return [inputs[0], inputs[0]];
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        [context.Emit(new MaskMultiply(), context.Output(1), context.OutputGradientOrThrow)];
}

/// <summary>y = mask * x elementwise (dropout's backward). Inputs: mask, x.</summary>
public sealed record MaskMultiply : BackwardOp
{
    protected override (int Min, int Max) InputCount => (2, 2);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        Require(inputs[0] == inputs[1], $"mask {inputs[0]} and input {inputs[1]} must have equal shapes.");
        return [inputs[1]];
    }
}
