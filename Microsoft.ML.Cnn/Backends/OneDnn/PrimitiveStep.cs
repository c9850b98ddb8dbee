// What the kernel table says about one graph step run by a oneDNN primitive: which execution argument each node
// input and output binds to, and in which layout the primitive reads or writes it.
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends.OneDnn;

/// <summary>
/// One tensor argument: the DNNL_ARG id, the layout the primitive uses, and the same tensor in plain row-major
/// layout with the primitive's dimensions (grouped weights are 5-D for oneDNN, 4-D in the graph: same bytes).
/// </summary>
internal readonly record struct Operand(int Arg, DnnlMemoryDesc Desc, DnnlMemoryDesc PlainDesc)
{
    /// <summary>A node input the primitive does not read (e.g. the x of MaxPool2DBackward, which uses the workspace).</summary>
    public static Operand Unused => new(-1, default, default);

    public bool IsUsed => Arg >= 0;
}

/// <summary>A workspace (max pooling's, LRN's), written by the forward step and read by the backward step of the same output.</summary>
internal readonly record struct WorkspaceUse(Value PooledOutput, DnnlMemoryDesc Desc, bool IsProducer);

/// <summary>A graph step run by a primitive: node inputs and outputs in order, plus the workspace it writes or reads.</summary>
internal sealed class PrimitiveStep(CachedPrimitive primitive, Operand[] inputs, Operand[] outputs, WorkspaceUse? workspace = null,
    (int Input, Operand Operand)[]? aliases = null)
{
    /// <summary>Extra arguments bound to a node input that is already bound once (an input the primitive demands but ignores).</summary>
    public (int Input, Operand Operand)[] Aliases { get; } = aliases ?? [];

    public CachedPrimitive Primitive { get; } = primitive;

    public Operand[] Inputs { get; } = inputs;

    public Operand[] Outputs { get; } = outputs;

    public WorkspaceUse? Workspace { get; } = workspace;
}

/// <summary>Where a value lives during a run: its buffer, and its layout when a primitive chose a blocked one.</summary>
internal sealed class TensorHome(BufferSlot buffer, Shape shape, DnnlMemoryDesc? blocked)
{
    public BufferSlot Buffer { get; } = buffer;

    public Shape Shape { get; } = shape;

    /// <summary>Elements of the tensor (cached: SetInput and GetOutput run every step and must not allocate).</summary>
    public int Length { get; } = shape.ElementCount;

    /// <summary>Null for plain row-major (what managed kernels and callers read); otherwise the primitive's layout.</summary>
    public DnnlMemoryDesc? Blocked { get; } = blocked;

    public bool IsPlain => Blocked is null;
}

/// <summary>A buffer of the executable: a slot of the arena or an external pinned array (parameters, gradients).</summary>
internal sealed class BufferSlot(long floats, float[]? external = null)
{
    public long Floats { get; } = floats;

    public float[]? External { get; } = external;

    /// <summary>Index of the arena request (set by the builder for arena slots).</summary>
    public int Request { get; set; } = -1;

    /// <summary>The array and element offset after the arena is allocated.</summary>
    public float[]? Array { get; set; } = external;

    public int Offset { get; set; }

    public unsafe nint Pointer => (nint)System.Runtime.CompilerServices.Unsafe.AsPointer(ref Array![Offset]);
}
