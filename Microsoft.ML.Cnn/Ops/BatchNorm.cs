// Batch normalization over axis 1 (channels of [N, C, H, W] or features of [N, F]): training form with
// batch statistics, inference form with running statistics, and their backward ops.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Ops;

/// <summary>Shape rule shared by the batch-norm ops: x is [N, C, ...] and every per-channel input is [C].</summary>
internal static class BatchNormShapes
{
    public static void Check(IReadOnlyList<Shape> inputs, int firstChannelInput, int channelInputCount)
    {
        var x = inputs[0];
        if (x.Rank is not (2 or 4)) throw new ShapeRuleException($"batch norm expects [N, C, H, W] or [N, F], got {x}.");
        for (int i = firstChannelInput; i < firstChannelInput + channelInputCount; i++)
        {
            if (inputs[i] != new Shape(x[1]))
                throw new ShapeRuleException($"per-channel input {i} is {inputs[i]}, expected ({x[1]}) for {x[1]} channels.");
        }
    }
}

/// <summary>
/// Training form: mean and biased variance over N (and H, W) per channel; y = gamma (x - mean)/sqrt(var + eps) + beta.
/// Inputs: x, gamma, beta. Outputs: y, mean [C], variance [C] (the latter two feed the running statistics and the backward op).
/// </summary>
public sealed record BatchNormTraining(float Epsilon) : Op
{
    protected override (int Min, int Max) InputCount => (3, 3);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        BatchNormShapes.Check(inputs, 1, 2);
        var c = new Shape(inputs[0][1]);
        return [inputs[0], c, c];
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context)
    {
        var grads = context.EmitMany(new BatchNormBackward(Epsilon),
            context.Input(0), context.Input(1), context.Output(1), context.Output(2), context.OutputGradientOrThrow);
        return [grads[0], grads[1], grads[2]];
    }
}

/// <summary>Inputs: x, gamma, batch mean, batch variance, dy. Outputs: dx, dgamma, dbeta.</summary>
public sealed record BatchNormBackward(float Epsilon) : BackwardOp
{
    protected override (int Min, int Max) InputCount => (5, 5);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        BatchNormShapes.Check(inputs, 1, 3);
        var c = new Shape(inputs[0][1]);
        return [inputs[0], c, c];
    }
}

/// <summary>
/// Inference form: y = gamma (x - runningMean)/sqrt(runningVar + eps) + beta. Inputs: x, gamma, beta, running mean,
/// running variance. Also used in training for a frozen batch-norm layer, so only x gets a gradient.
/// </summary>
public sealed record BatchNormInference(float Epsilon) : Op
{
    protected override (int Min, int Max) InputCount => (5, 5);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        BatchNormShapes.Check(inputs, 1, 4);
        return [inputs[0]];
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context)
    {
        if (context.NeedsAnyGradient(1, 2, 3, 4))
            throw new NotSupportedException("BatchNormInference gives gradients for x only; train batch norm with BatchNormTraining.");
        return [context.Emit(new BatchNormInferenceBackward(Epsilon), context.Input(1), context.Input(4), context.OutputGradientOrThrow), null, null, null, null];
    }
}

/// <summary>dx = dy * gamma / sqrt(runningVar + eps). Inputs: gamma, running variance, dy.</summary>
public sealed record BatchNormInferenceBackward(float Epsilon) : BackwardOp
{
    protected override (int Min, int Max) InputCount => (3, 3);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [inputs[2]];
}
