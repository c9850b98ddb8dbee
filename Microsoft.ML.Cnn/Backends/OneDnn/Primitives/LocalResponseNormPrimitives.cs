// LRN across channels (odd sizes only: see OneDnnKernels): forward keeps a workspace for its backward, as max pooling does.
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Primitives;

internal static class LocalResponseNormPrimitives
{
    /// <summary>
    /// Input x, output y, in x's current layout, or channel-blocked when x is plain (LRN takes no "any" layout, and its
    /// plain-layout backward is oneDNN's reference code, several times slower than the managed kernel).
    /// </summary>
    public static PrimitiveStep Forward(LocalResponseNorm op, Node node, StepContext ctx)
    {
        var y = node.Outputs[0];
        bool keepWorkspace = ctx.HasWorkspaceReader(y);
        var current = ctx.Current(node.Inputs[0]);
        var data = DnnlMemoryDescs.Equal(current, ctx.Plain(node.Inputs[0])) ? DnnlMemoryDescs.Create(ctx.Dims(node.Inputs[0]), DnnlFormatTag.ABcd16b, ctx.Operation) : current;
        var request = DnnlOpDescriptors.LrnForward(ctx.Operation, keepWorkspace ? DnnlPropKind.ForwardTraining : DnnlPropKind.ForwardInference,
            data, op.Size, op.Alpha, op.Beta, op.K);
        var p = ctx.Cache.Get(request);
        return new PrimitiveStep(p, [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(node.Inputs[0]))],
            [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(y))], ctx.ProduceWorkspace(y, p));
    }

    /// <summary>Inputs x, y (finds the forward and its workspace), dy; output dx, all in the forward's source layout.</summary>
    public static PrimitiveStep Backward(LocalResponseNorm op, Node node, StepContext ctx)
    {
        var forward = ctx.WorkspaceForward(node.Inputs[1]);
        var data = forward.Query(DnnlQuery.SourceMd);
        var p = ctx.Cache.Get(DnnlOpDescriptors.LrnBackward(ctx.Operation, data, data, op.Size, op.Alpha, op.Beta, op.K), forward);
        return new PrimitiveStep(p,
            [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(node.Inputs[0])), Operand.Unused,
             StepContext.Operand(DnnlArg.DiffDst, p, DnnlQuery.DiffDestinationMd, ctx.Plain(node.Inputs[2]))],
            [StepContext.Operand(DnnlArg.DiffSrc, p, DnnlQuery.DiffSourceMd, ctx.Plain(node.Outputs[0]))],
            StepContext.ReadWorkspace(node.Inputs[1], forward));
    }
}
