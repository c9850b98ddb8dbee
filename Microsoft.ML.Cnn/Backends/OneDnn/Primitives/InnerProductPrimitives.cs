// Dense as oneDNN inner product: forward (with bias), backward data, backward weights (with bias).
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Primitives;

internal static class InnerProductPrimitives
{
    /// <summary>Inputs x [N, F], w [U, F], b [U]; output y [N, U].</summary>
    public static PrimitiveStep Forward(Dense op, Node node, StepContext ctx, FusedActivation? activation = null)
    {
        long[] x = ctx.Dims(node.Inputs[0]), w = ctx.Dims(node.Inputs[1]), y = ctx.Dims(node.Outputs[0]);
        var p = ctx.Cache.Get(ForwardRequest(ctx, ctx.ForwardProp, x, w, y, op.HasBias), null, activation?.Algorithm, activation?.Alpha ?? 0f);
        var inputs = new List<Operand>
        {
            StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(x)),
            StepContext.Operand(DnnlArg.Weights, p, DnnlQuery.WeightsMd, ctx.Plain(w)),
        };
        if (op.HasBias) inputs.Add(StepContext.Operand(DnnlArg.Bias, p, DnnlQuery.WeightsMd, ctx.Plain([w[0]]), 1));
        return new PrimitiveStep(p, [.. inputs], [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(y))]);
    }

    /// <summary>Inputs dy [N, U], w [U, F]; output dx [N, F].</summary>
    public static PrimitiveStep BackwardData(Node node, StepContext ctx)
    {
        long[] dy = ctx.Dims(node.Inputs[0]), w = ctx.Dims(node.Inputs[1]), dx = ctx.Dims(node.Outputs[0]);
        var hint = ctx.Cache.Get(ForwardRequest(ctx, DnnlPropKind.ForwardTraining, dx, w, dy, hasBias: true));
        var p = ctx.Cache.Get(DnnlOpDescriptors.InnerProductBackwardData(ctx.Operation, ctx.Any(dx), ctx.Any(w), ctx.Any(dy)), hint);
        return new PrimitiveStep(p,
            [StepContext.Operand(DnnlArg.DiffDst, p, DnnlQuery.DiffDestinationMd, ctx.Plain(dy)), StepContext.Operand(DnnlArg.Weights, p, DnnlQuery.WeightsMd, ctx.Plain(w))],
            [StepContext.Operand(DnnlArg.DiffSrc, p, DnnlQuery.DiffSourceMd, ctx.Plain(dx))]);
    }

    /// <summary>Inputs x [N, F], dy [N, U]; outputs dw [U, F] (and db [U]).</summary>
    public static PrimitiveStep BackwardWeights(DenseBackwardWeights op, Node node, StepContext ctx)
    {
        long[] x = ctx.Dims(node.Inputs[0]), dy = ctx.Dims(node.Inputs[1]), w = ctx.Dims(node.Outputs[0]);
        long[] bias = [w[0]];
        var hint = ctx.Cache.Get(ForwardRequest(ctx, DnnlPropKind.ForwardTraining, x, w, dy, op.HasBias));
        var p = ctx.Cache.Get(DnnlOpDescriptors.InnerProductBackwardWeights(ctx.Operation, ctx.Any(x), ctx.Any(w), op.HasBias ? ctx.Any(bias) : null, ctx.Any(dy)), hint);
        var outputs = new List<Operand> { StepContext.Operand(DnnlArg.DiffWeights, p, DnnlQuery.DiffWeightsMd, ctx.Plain(w)) };
        if (op.HasBias) outputs.Add(StepContext.Operand(DnnlArg.DiffBias, p, DnnlQuery.DiffWeightsMd, ctx.Plain(bias), 1));
        return new PrimitiveStep(p,
            [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(x)), StepContext.Operand(DnnlArg.DiffDst, p, DnnlQuery.DiffDestinationMd, ctx.Plain(dy))],
            [.. outputs]);
    }

    private static DnnlPrimitiveRequest ForwardRequest(StepContext ctx, DnnlPropKind prop, long[] x, long[] w, long[] y, bool hasBias) =>
        DnnlOpDescriptors.InnerProductForward(ctx.Operation, prop, ctx.Any(x), ctx.Any(w), hasBias ? ctx.Any([w[0]]) : null, ctx.Any(y));
}
