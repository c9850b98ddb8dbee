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
        _ => throw new NotSupportedException($"The managed backend has no kernel for {op.Name}."),
    };
}
