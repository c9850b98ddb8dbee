// Conv2D forward (bias, optional fused activation), backward data and backward weights (with bias) as oneDNN
// convolutions. Every layout is "any": oneDNN picks blocked layouts and the executable reorders where they differ.
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Primitives;

internal static class ConvolutionPrimitives
{
    public static PrimitiveStep Forward(Conv2D conv, Node node, StepContext ctx, FusedActivation? activation = null)
    {
        long[] x = ctx.Dims(node.Inputs[0]), w = WeightDims(ctx.Plan.ShapeOf(node.Inputs[1]), conv.Geometry.Groups), y = ctx.Dims(node.Outputs[0]);
        var request = ForwardRequest(ctx, ctx.ForwardProp, conv.Geometry, x, w, y, conv.HasBias);
        var p = ctx.Cache.Get(request, null, activation?.Algorithm, activation?.Alpha ?? 0f);
        var inputs = new List<Operand>
        {
            StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(x)),
            StepContext.Operand(DnnlArg.Weights, p, DnnlQuery.WeightsMd, ctx.Plain(w)),
        };
        if (conv.HasBias) inputs.Add(StepContext.Operand(DnnlArg.Bias, p, DnnlQuery.WeightsMd, ctx.Plain([w[0] * (w.Length == 5 ? w[1] : 1)]), 1));
        return new PrimitiveStep(p, [.. inputs], [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(y))]);
    }

    /// <summary>Inputs dy, w; output dx.</summary>
    public static PrimitiveStep BackwardData(Conv2DBackwardData op, Node node, StepContext ctx)
    {
        long[] dy = ctx.Dims(node.Inputs[0]), w = WeightDims(ctx.Plan.ShapeOf(node.Inputs[1]), op.Geometry.Groups), dx = ctx.Dims(node.Outputs[0]);
        var hint = ctx.Cache.Get(ForwardRequest(ctx, DnnlPropKind.ForwardTraining, op.Geometry, dx, w, dy, hasBias: true));
        var request = DnnlOpDescriptors.ConvolutionBackwardData(ctx.Operation, ctx.Any(dx), ctx.Any(w), ctx.Any(dy), Window(op.Geometry));
        var p = ctx.Cache.Get(request, hint);
        return new PrimitiveStep(p,
            [StepContext.Operand(DnnlArg.DiffDst, p, DnnlQuery.DiffDestinationMd, ctx.Plain(dy)), StepContext.Operand(DnnlArg.Weights, p, DnnlQuery.WeightsMd, ctx.Plain(w))],
            [StepContext.Operand(DnnlArg.DiffSrc, p, DnnlQuery.DiffSourceMd, ctx.Plain(dx))]);
    }

    /// <summary>Inputs x, dy; outputs dw (and db).</summary>
    public static PrimitiveStep BackwardWeights(Conv2DBackwardWeights op, Node node, StepContext ctx)
    {
        long[] x = ctx.Dims(node.Inputs[0]), dy = ctx.Dims(node.Inputs[1]), w = WeightDims(op.WeightShape, op.Geometry.Groups);
        long[] bias = [op.WeightShape[0]];
        var hint = ctx.Cache.Get(ForwardRequest(ctx, DnnlPropKind.ForwardTraining, op.Geometry, x, w, dy, op.HasBias));
        var request = DnnlOpDescriptors.ConvolutionBackwardWeights(ctx.Operation, ctx.Any(x), ctx.Any(w), op.HasBias ? ctx.Any(bias) : null, ctx.Any(dy), Window(op.Geometry));
        var p = ctx.Cache.Get(request, hint);
        var outputs = new List<Operand> { StepContext.Operand(DnnlArg.DiffWeights, p, DnnlQuery.DiffWeightsMd, ctx.Plain(w)) };
        if (op.HasBias) outputs.Add(StepContext.Operand(DnnlArg.DiffBias, p, DnnlQuery.DiffWeightsMd, ctx.Plain(bias), 1));
        return new PrimitiveStep(p,
            [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(x)), StepContext.Operand(DnnlArg.DiffDst, p, DnnlQuery.DiffDestinationMd, ctx.Plain(dy))],
            [.. outputs]);
    }

    private static DnnlPrimitiveRequest ForwardRequest(StepContext ctx, DnnlPropKind prop, Conv2DGeometry g, long[] x, long[] w, long[] y, bool hasBias) =>
        DnnlOpDescriptors.ConvolutionForward(ctx.Operation, prop, ctx.Any(x), ctx.Any(w), hasBias ? ctx.Any([y[1]]) : null, ctx.Any(y), Window(g));

    /// <summary>[K, C/g, KH, KW], or oneDNN's grouped [g, K/g, C/g, KH, KW] (the same bytes).</summary>
    private static long[] WeightDims(Shape w, int groups) =>
        groups == 1 ? StepContext.Dims(w) : [groups, w[0] / groups, w[1], w[2], w[3]];

    private static DnnlWindow Window(Conv2DGeometry g) => new(
        [g.StrideHeight, g.StrideWidth], [g.KernelHeight, g.KernelWidth], [g.DilationHeight - 1, g.DilationWidth - 1],
        [g.Padding.Top, g.Padding.Left], [g.Padding.Bottom, g.Padding.Right]);
}

/// <summary>An eltwise activation fused into the primitive before it as a post-op.</summary>
internal sealed record FusedActivation(DnnlAlgorithm Algorithm, float Alpha);
