// The oneDNN backend's kernel table: one row per op that has a primitive. Ops without one (losses, dropout,
// slicing, reshapes, fills) return null and run as managed kernels on plain layouts.
using Microsoft.ML.Cnn.Backends.OneDnn.Primitives;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.OneDnn;

internal static class OneDnnKernels
{
    /// <summary>
    /// The primitive step for <paramref name="node"/>, or null when the managed kernel runs it. With
    /// <paramref name="activation"/>, a Conv2D or Dense applies it as a post-op.
    /// </summary>
    public static PrimitiveStep? Create(Node node, StepContext ctx, FusedActivation? activation = null, bool backwardFromOutput = false) => node.Op switch
    {
        Conv2D conv => ConvolutionPrimitives.Forward(conv, node, ctx, activation),
        Dense dense => InnerProductPrimitives.Forward(dense, node, ctx, activation),
        EltwiseBackward e when backwardFromOutput => ActivationPrimitives.EltwiseBackwardFromOutput(e, node, ctx),
        Conv2DBackwardData op => ConvolutionPrimitives.BackwardData(op, node, ctx),
        Conv2DBackwardWeights op => ConvolutionPrimitives.BackwardWeights(op, node, ctx),
        DenseBackwardData => InnerProductPrimitives.BackwardData(node, ctx),
        DenseBackwardWeights op => InnerProductPrimitives.BackwardWeights(op, node, ctx),
        MaxPool2D pool => PoolingPrimitives.MaxForward(pool, node, ctx),
        MaxPool2DBackward op => PoolingPrimitives.MaxBackward(op, node, ctx),
        AvgPool2D pool => PoolingPrimitives.AverageForward(pool, node, ctx),
        AvgPool2DBackward op => PoolingPrimitives.AverageBackward(op, node, ctx),
        GlobalAvgPool => PoolingPrimitives.GlobalAverageForward(node, ctx),
        // NOTE: oneDNN's window for an even size is the centred size-1 channels (alpha still divided by size), not
        // PyTorch's; even sizes run the managed kernels.
        LocalResponseNorm lrn when lrn.Size % 2 == 1 => LocalResponseNormPrimitives.Forward(lrn, node, ctx),
        LocalResponseNormBackward op when op.Forward.Size % 2 == 1 => LocalResponseNormPrimitives.Backward(op.Forward, node, ctx),
        GlobalAvgPoolBackward => PoolingPrimitives.GlobalAverageBackward(node, ctx),
        Eltwise e => ActivationPrimitives.EltwiseForward(e, node, ctx),
        EltwiseBackward e => ActivationPrimitives.EltwiseBackward(e, node, ctx),
        Softmax => ActivationPrimitives.SoftmaxForward(node, ctx),
        SoftmaxBackward => ActivationPrimitives.SoftmaxBackward(node, ctx),
        BatchNormTraining bn => NormalizationPrimitives.Training(bn.Epsilon, node, ctx),
        BatchNormBackward bn => NormalizationPrimitives.Backward(bn.Epsilon, node, ctx),
        BatchNormInference bn => NormalizationPrimitives.Inference(bn.Epsilon, node, ctx),
        Add => StructurePrimitives.Add(node, ctx),
        Concat => StructurePrimitives.Concat(node, ctx),
        _ => null,
    };
}
