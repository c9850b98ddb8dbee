// Batch normalization with separate scale (gamma) and shift (beta): training forward (batch statistics out),
// backward (dgamma, dbeta), and inference on running statistics.
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Primitives;

internal static class NormalizationPrimitives
{
    private const DnnlNormalizationFlags ScaleShift = DnnlNormalizationFlags.UseScale | DnnlNormalizationFlags.UseShift;

    /// <summary>Inputs x, gamma, beta; outputs y, mean, biased variance.</summary>
    public static PrimitiveStep Training(float epsilon, Node node, StepContext ctx)
    {
        var p = ctx.Cache.Get(TrainingRequest(ctx, node.Inputs[0], epsilon));
        var c = Channels(ctx, node);
        return new PrimitiveStep(p,
            [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(node.Inputs[0])), new(DnnlArg.Scale, c, c), new(DnnlArg.Shift, c, c)],
            [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(node.Outputs[0])), new(DnnlArg.Mean, c, c), new(DnnlArg.Variance, c, c)]);
    }

    /// <summary>Inputs x, gamma, mean, variance, dy; outputs dx, dgamma, dbeta.</summary>
    public static PrimitiveStep Backward(float epsilon, Node node, StepContext ctx)
    {
        var data = ctx.Current(node.Inputs[0]);
        var hint = ctx.Cache.Get(TrainingRequest(ctx, node.Inputs[0], epsilon));
        var p = ctx.Cache.Get(DnnlOpDescriptors.BatchNormBackward(ctx.Operation, DnnlPropKind.Backward, data, data, epsilon, ScaleShift), hint);
        var c = Channels(ctx, node);
        return new PrimitiveStep(p,
            [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(node.Inputs[0])), new(DnnlArg.Scale, c, c), new(DnnlArg.Mean, c, c),
             new(DnnlArg.Variance, c, c), StepContext.Operand(DnnlArg.DiffDst, p, DnnlQuery.DiffDestinationMd, ctx.Plain(node.Inputs[4]))],
            [StepContext.Operand(DnnlArg.DiffSrc, p, DnnlQuery.DiffSourceMd, ctx.Plain(node.Outputs[0])), new(DnnlArg.DiffScale, c, c), new(DnnlArg.DiffShift, c, c)],
            // NOTE: 2.6 checks that SHIFT is passed when use_shift is set, though the backward pass never reads it; gamma stands in.
            aliases: [(1, new Operand(DnnlArg.Shift, c, c))]);
    }

    /// <summary>Inputs x, gamma, beta, running mean, running variance; output y.</summary>
    public static PrimitiveStep Inference(float epsilon, Node node, StepContext ctx)
    {
        var p = ctx.Cache.Get(DnnlOpDescriptors.BatchNormForward(ctx.Operation, DnnlPropKind.ForwardInference, ctx.Current(node.Inputs[0]), epsilon,
            ScaleShift | DnnlNormalizationFlags.UseGlobalStats));
        var c = Channels(ctx, node);
        return new PrimitiveStep(p,
            [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(node.Inputs[0])), new(DnnlArg.Scale, c, c), new(DnnlArg.Shift, c, c),
             new(DnnlArg.Mean, c, c), new(DnnlArg.Variance, c, c)],
            [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(node.Outputs[0]))]);
    }

    private static DnnlPrimitiveRequest TrainingRequest(StepContext ctx, Value x, float epsilon) =>
        DnnlOpDescriptors.BatchNormForward(ctx.Operation, DnnlPropKind.ForwardTraining, ctx.Current(x), epsilon, ScaleShift);

    /// <summary>The plain [C] layout of every per-channel tensor.</summary>
    private static DnnlMemoryDesc Channels(StepContext ctx, Node node) => ctx.Plain([ctx.Dims(node.Inputs[0])[1]]);
}
