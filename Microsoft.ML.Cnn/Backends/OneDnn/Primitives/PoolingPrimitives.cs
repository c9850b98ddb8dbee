// Max pooling (forward keeps a workspace for its backward) and average pooling, forward and backward.
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Primitives;

internal static class PoolingPrimitives
{
    public static PrimitiveStep MaxForward(MaxPool2D op, Node node, StepContext ctx)
    {
        var y = node.Outputs[0];
        bool keepWorkspace = ctx.HasWorkspaceReader(y);
        var request = DnnlOpDescriptors.PoolingForward(ctx.Operation, keepWorkspace ? DnnlPropKind.ForwardTraining : DnnlPropKind.ForwardInference,
            DnnlAlgorithm.PoolingMax, ctx.Current(node.Inputs[0]), ctx.Any(y), Window(op.Geometry));
        var p = ctx.Cache.Get(request);
        return new PrimitiveStep(p, [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(node.Inputs[0]))],
            [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(y))], ctx.ProduceWorkspace(y, p));
    }

    /// <summary>Inputs x (unused), y (finds the forward and its workspace), dy; output dx.</summary>
    public static PrimitiveStep MaxBackward(MaxPool2DBackward op, Node node, StepContext ctx)
    {
        var forward = ctx.WorkspaceForward(node.Inputs[1]);
        var request = DnnlOpDescriptors.PoolingBackward(ctx.Operation, DnnlAlgorithm.PoolingMax,
            forward.Query(DnnlQuery.SourceMd), forward.Query(DnnlQuery.DestinationMd), Window(op.Geometry));
        var p = ctx.Cache.Get(request, forward);
        return new PrimitiveStep(p,
            [Operand.Unused, Operand.Unused, StepContext.Operand(DnnlArg.DiffDst, p, DnnlQuery.DiffDestinationMd, ctx.Plain(node.Inputs[2]))],
            [StepContext.Operand(DnnlArg.DiffSrc, p, DnnlQuery.DiffSourceMd, ctx.Plain(node.Outputs[0]))],
            StepContext.ReadWorkspace(node.Inputs[1], forward));
    }

    public static PrimitiveStep AverageForward(AvgPool2D op, Node node, StepContext ctx)
    {
        var request = DnnlOpDescriptors.PoolingForward(ctx.Operation, ctx.ForwardProp, Average(op.CountIncludesPadding),
            ctx.Current(node.Inputs[0]), ctx.Any(node.Outputs[0]), Window(op.Geometry));
        var p = ctx.Cache.Get(request);
        return new PrimitiveStep(p, [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(node.Inputs[0]))],
            [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(node.Outputs[0]))]);
    }

    /// <summary>Input dy; output dx. The forward hint uses dy's layout family for x.</summary>
    public static PrimitiveStep AverageBackward(AvgPool2DBackward op, Node node, StepContext ctx)
    {
        var algorithm = Average(op.CountIncludesPadding);
        long[] dx = ctx.Dims(node.Outputs[0]);
        var hint = ctx.Cache.Get(DnnlOpDescriptors.PoolingForward(ctx.Operation, DnnlPropKind.ForwardTraining, algorithm,
            ctx.SameFormat(ctx.Current(node.Inputs[0]), dx), ctx.Any(node.Inputs[0]), Window(op.Geometry)));
        var request = DnnlOpDescriptors.PoolingBackward(ctx.Operation, algorithm, hint.Query(DnnlQuery.SourceMd), hint.Query(DnnlQuery.DestinationMd), Window(op.Geometry));
        var p = ctx.Cache.Get(request, hint);
        return new PrimitiveStep(p, [StepContext.Operand(DnnlArg.DiffDst, p, DnnlQuery.DiffDestinationMd, ctx.Plain(node.Inputs[0]))],
            [StepContext.Operand(DnnlArg.DiffSrc, p, DnnlQuery.DiffSourceMd, ctx.Plain(dx))]);
    }

    /// <summary>[N, C, H, W] to [N, C] as average pooling over the whole plane; oneDNN's [N, C, 1, 1] output has the same bytes.</summary>
    public static PrimitiveStep GlobalAverageForward(Node node, StepContext ctx)
    {
        long[] x = ctx.Dims(node.Inputs[0]), y = [x[0], x[1], 1, 1];
        var p = ctx.Cache.Get(DnnlOpDescriptors.PoolingForward(ctx.Operation, ctx.ForwardProp, DnnlAlgorithm.PoolingAvgIncludePadding,
            ctx.Current(node.Inputs[0]), ctx.Any(y), GlobalWindow(x)));
        return new PrimitiveStep(p, [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(x))],
            [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(y))]);
    }

    /// <summary>Input dy [N, C]; output dx [N, C, H, W] in the channel-blocked layout convolutions use.</summary>
    public static PrimitiveStep GlobalAverageBackward(Node node, StepContext ctx)
    {
        long[] dx = ctx.Dims(node.Outputs[0]), dy = [dx[0], dx[1], 1, 1];
        var hint = ctx.Cache.Get(DnnlOpDescriptors.PoolingForward(ctx.Operation, DnnlPropKind.ForwardTraining, DnnlAlgorithm.PoolingAvgIncludePadding,
            DnnlMemoryDescs.Create(dx, DnnlFormatTag.ABcd16b, ctx.Operation), ctx.Any(dy), GlobalWindow(dx)));
        var p = ctx.Cache.Get(DnnlOpDescriptors.PoolingBackward(ctx.Operation, DnnlAlgorithm.PoolingAvgIncludePadding,
            hint.Query(DnnlQuery.SourceMd), hint.Query(DnnlQuery.DestinationMd), GlobalWindow(dx)), hint);
        return new PrimitiveStep(p, [StepContext.Operand(DnnlArg.DiffDst, p, DnnlQuery.DiffDestinationMd, ctx.Plain(dy))],
            [StepContext.Operand(DnnlArg.DiffSrc, p, DnnlQuery.DiffSourceMd, ctx.Plain(dx))]);
    }

    private static DnnlWindow GlobalWindow(long[] x) => new([1, 1], [x[2], x[3]], [0, 0], [0, 0], [0, 0]);

    private static DnnlAlgorithm Average(bool countIncludesPadding) =>
        countIncludesPadding ? DnnlAlgorithm.PoolingAvgIncludePadding : DnnlAlgorithm.PoolingAvgExcludePadding;

    private static DnnlWindow Window(Pool2DGeometry g) => new(
        [g.StrideHeight, g.StrideWidth], [g.KernelHeight, g.KernelWidth], [0, 0],
        [g.Padding.Top, g.Padding.Left], [g.Padding.Bottom, g.Padding.Right]);
}
