// The managed backend's kernel table: one row per op. A new op needs one row here (and a kernel).
using Microsoft.ML.Cnn.Backends.Managed.Kernels;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed;

internal static class ManagedKernels
{
    /// <summary>The kernel for <paramref name="op"/> at these concrete input and output shapes.</summary>
    public static ManagedKernel Create(Op op, Shape[] inputs, Shape[] outputs) => op switch
    {
        Placeholder or ParameterRead => NoOpKernel.Instance,
        Fill fill => new FillKernel(fill.Value),
        Add => new AddKernel(),
        Conv2D conv => new Conv2DKernel(conv, inputs),
        Conv2DBackwardData backward => new Conv2DBackwardDataKernel(backward, inputs, outputs),
        Conv2DBackwardWeights backward => new Conv2DBackwardWeightsKernel(backward, inputs),
        Dense dense => new DenseKernel(inputs[0], inputs[1], dense.HasBias),
        DenseBackwardData => new DenseBackwardDataKernel(inputs[0], inputs[1]),
        DenseBackwardWeights backward => new DenseBackwardWeightsKernel(inputs[0], inputs[1], backward.HasBias),
        _ => throw new NotSupportedException($"The managed backend has no kernel for {op.Name}."),
    };
}
