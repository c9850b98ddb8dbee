// Where a tensor lives for a managed kernel: an array, an offset and a concrete shape.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends.Managed;

/// <summary>A tensor in canonical row-major layout inside a float array. Capturable, unlike Span.</summary>
internal readonly struct TensorView(float[] array, int offset, Shape shape, int length)
{
    public TensorView(float[] array, int offset, Shape shape) : this(array, offset, shape, shape.ElementCount) { }

    public float[] Array { get; } = array;

    public int Offset { get; } = offset;

    public Shape Shape { get; } = shape;

    public int Length { get; } = length;

    public Span<float> Span => new(Array, Offset, Length);

    /// <summary>Elements [start, start + length) of this tensor.</summary>
    public Span<float> Slice(int start, int length) => new(Array, Offset + start, length);
}

/// <summary>The buffers of one kernel call, fixed when the graph is compiled.</summary>
internal sealed class KernelArguments(TensorView[] inputs, TensorView[] outputs, TensorView workspace, WorkerPool pool)
{
    public TensorView[] Inputs { get; } = inputs;

    public TensorView[] Outputs { get; } = outputs;

    /// <summary>Scratch space of the kernel's <see cref="ManagedKernel.WorkspaceLength"/>, valid during the call only.</summary>
    public TensorView Workspace { get; } = workspace;

    public WorkerPool Pool { get; } = pool;
}

/// <summary>
/// A managed kernel for one node with concrete shapes. Created once per compiled graph; its
/// <see cref="Execute"/> must not allocate.
/// </summary>
internal abstract class ManagedKernel
{
    /// <summary>Scratch elements needed per call (im2col columns, per-worker partial sums).</summary>
    public virtual long WorkspaceLength => 0;

    public abstract void Execute(KernelArguments arguments);
}
