// Eltwise activations and softmax, forward and backward, in the layout their input already has.
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Primitives;

internal static class ActivationPrimitives
{
    /// <summary>oneDNN's algorithm for an activation; LeakyRelu is relu with a negative slope, Elu takes alpha as is.</summary>
    public static DnnlAlgorithm Algorithm(EltwiseFunction function) => function switch
    {
        EltwiseFunction.Relu or EltwiseFunction.LeakyRelu => DnnlAlgorithm.EltwiseRelu,
        EltwiseFunction.Elu => DnnlAlgorithm.EltwiseElu,
        EltwiseFunction.Sigmoid => DnnlAlgorithm.EltwiseLogistic,
        EltwiseFunction.Tanh => DnnlAlgorithm.EltwiseTanh,
        _ => throw new NotSupportedException($"The oneDNN backend has no eltwise algorithm for {function}."),
    };

    public static PrimitiveStep EltwiseForward(Eltwise op, Node node, StepContext ctx)
    {
        var data = ctx.Current(node.Inputs[0]);
        var p = ctx.Cache.Get(DnnlOpDescriptors.EltwiseForward(ctx.Operation, ctx.ForwardProp, Algorithm(op.Function), data, op.Alpha));
        return new PrimitiveStep(p, [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(node.Inputs[0]))],
            [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(node.Outputs[0]))]);
    }

    /// <summary>Inputs x, y (unused: the gradient is computed from x), dy; output dx.</summary>
    public static PrimitiveStep EltwiseBackward(EltwiseBackward op, Node node, StepContext ctx)
    {
        var algorithm = Algorithm(op.Function);
        var data = ctx.Current(node.Inputs[0]);
        var hint = ctx.Cache.Get(DnnlOpDescriptors.EltwiseForward(ctx.Operation, DnnlPropKind.ForwardTraining, algorithm, data, op.Alpha));
        var p = ctx.Cache.Get(DnnlOpDescriptors.EltwiseBackward(ctx.Operation, algorithm, data, data, op.Alpha), hint);
        return new PrimitiveStep(p,
            [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(node.Inputs[0])), Operand.Unused,
             StepContext.Operand(DnnlArg.DiffDst, p, DnnlQuery.DiffDestinationMd, ctx.Plain(node.Inputs[2]))],
            [StepContext.Operand(DnnlArg.DiffSrc, p, DnnlQuery.DiffSourceMd, ctx.Plain(node.Outputs[0]))]);
    }

    /// <summary>Inputs x (not stored: fused into its producer), y, dy; output dx, computed from y.</summary>
    public static PrimitiveStep EltwiseBackwardFromOutput(EltwiseBackward op, Node node, StepContext ctx)
    {
        var data = ctx.Current(node.Inputs[1]);
        var hint = ctx.Cache.Get(DnnlOpDescriptors.EltwiseForward(ctx.Operation, DnnlPropKind.ForwardTraining, Algorithm(op.Function), data, op.Alpha));
        var p = ctx.Cache.Get(DnnlOpDescriptors.EltwiseBackward(ctx.Operation, ActivationFusion.FromOutput(op.Function), data, data, op.Alpha), hint);
        return new PrimitiveStep(p,
            [Operand.Unused, StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(node.Inputs[1])),
             StepContext.Operand(DnnlArg.DiffDst, p, DnnlQuery.DiffDestinationMd, ctx.Plain(node.Inputs[2]))],
            [StepContext.Operand(DnnlArg.DiffSrc, p, DnnlQuery.DiffSourceMd, ctx.Plain(node.Outputs[0]))]);
    }

    public static PrimitiveStep SoftmaxForward(Node node, StepContext ctx)
    {
        var src = ctx.Current(node.Inputs[0]);
        var p = ctx.Cache.Get(DnnlOpDescriptors.SoftmaxForward(ctx.Operation, ctx.ForwardProp, src, src, axis: 1));
        return new PrimitiveStep(p, [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(node.Inputs[0]))],
            [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(node.Outputs[0]))]);
    }

    /// <summary>Inputs y, dy; output dx.</summary>
    public static PrimitiveStep SoftmaxBackward(Node node, StepContext ctx)
    {
        var dst = ctx.Current(node.Inputs[0]);
        var hint = ctx.Cache.Get(DnnlOpDescriptors.SoftmaxForward(ctx.Operation, DnnlPropKind.ForwardTraining, dst, dst, axis: 1));
        var p = ctx.Cache.Get(DnnlOpDescriptors.SoftmaxBackward(ctx.Operation, dst, dst, dst, axis: 1), hint);
        return new PrimitiveStep(p,
            [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(node.Inputs[0])),
             StepContext.Operand(DnnlArg.DiffDst, p, DnnlQuery.DiffDestinationMd, ctx.Plain(node.Inputs[1]))],
            [StepContext.Operand(DnnlArg.DiffSrc, p, DnnlQuery.DiffSourceMd, ctx.Plain(node.Outputs[0]))]);
    }
}
