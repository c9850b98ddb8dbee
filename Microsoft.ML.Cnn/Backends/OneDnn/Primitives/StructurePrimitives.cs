// Add (binary add, both operands in the first one's layout) and channel Concat.
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Primitives;

internal static class StructurePrimitives
{
    public static PrimitiveStep Add(Node node, StepContext ctx)
    {
        var layout = ctx.Current(node.Inputs[0]);
        var p = ctx.Cache.Get(DnnlOpDescriptors.Binary(ctx.Operation, DnnlAlgorithm.BinaryAdd, layout, layout, layout));
        return new PrimitiveStep(p,
            [StepContext.Operand(DnnlArg.Src, p, DnnlQuery.SourceMd, ctx.Plain(node.Inputs[0])),
             StepContext.Operand(DnnlArg.Src1, p, DnnlQuery.SourceMd, ctx.Plain(node.Inputs[1]), 1)],
            [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(node.Outputs[0]))]);
    }

    /// <summary>Concatenates along axis 1 into the layout oneDNN picks for the sources' layouts.</summary>
    public static PrimitiveStep Concat(Node node, StepContext ctx)
    {
        var sources = node.Inputs.Select(ctx.Current).ToArray();
        var p = ctx.Cache.Get(DnnlOpDescriptors.Concat(ctx.Operation, ctx.Any(node.Outputs[0]), sources, dimension: 1));
        var inputs = node.Inputs.Select((v, i) => StepContext.Operand(DnnlArg.MultipleSrc + i, p, DnnlQuery.SourceMd, ctx.Plain(v), i)).ToArray();
        return new PrimitiveStep(p, inputs, [StepContext.Operand(DnnlArg.Dst, p, DnnlQuery.DestinationMd, ctx.Plain(node.Outputs[0]))]);
    }
}
