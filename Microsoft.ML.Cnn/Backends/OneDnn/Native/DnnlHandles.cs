// One sealed SafeHandle per oneDNN handle type the backend owns: releasing it calls the matching destroy function.
// Pointers that oneDNN owns (query results) are never wrapped in these.
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Native;

/// <summary>The shared shape of the handles: invalid when zero, released by a destroy call that never throws.</summary>
internal abstract class DnnlHandle : SafeHandle
{
    protected DnnlHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Handles released so far by all handle types, for leak tests.</summary>
    public static long ReleasedCount => Interlocked.Read(ref s_released);

    private static long s_released;

    protected sealed override bool ReleaseHandle()
    {
        Interlocked.Increment(ref s_released);
        // A destroy failure cannot be reported from here (this may run on the finalizer thread); it leaks at worst.
        return Destroy(handle) == DnnlStatus.Success;
    }

    private protected abstract DnnlStatus Destroy(nint value);
}

/// <summary>dnnl_engine_t.</summary>
internal sealed class DnnlEngineHandle : DnnlHandle
{
    private protected override DnnlStatus Destroy(nint value) => Dnnl.dnnl_engine_destroy(value);
}

/// <summary>dnnl_stream_t.</summary>
internal sealed class DnnlStreamHandle : DnnlHandle
{
    private protected override DnnlStatus Destroy(nint value) => Dnnl.dnnl_stream_destroy(value);
}

/// <summary>dnnl_memory_t.</summary>
internal sealed class DnnlMemoryHandle : DnnlHandle
{
    private protected override DnnlStatus Destroy(nint value) => Dnnl.dnnl_memory_destroy(value);
}

/// <summary>dnnl_primitive_desc_t.</summary>
internal sealed class DnnlPrimitiveDescHandle : DnnlHandle
{
    private protected override DnnlStatus Destroy(nint value) => Dnnl.dnnl_primitive_desc_destroy(value);
}

/// <summary>dnnl_primitive_t.</summary>
internal sealed class DnnlPrimitiveHandle : DnnlHandle
{
    private protected override DnnlStatus Destroy(nint value) => Dnnl.dnnl_primitive_destroy(value);
}

/// <summary>dnnl_primitive_attr_t.</summary>
internal sealed class DnnlAttrHandle : DnnlHandle
{
    private protected override DnnlStatus Destroy(nint value) => Dnnl.dnnl_primitive_attr_destroy(value);
}

/// <summary>dnnl_post_ops_t.</summary>
internal sealed class DnnlPostOpsHandle : DnnlHandle
{
    private protected override DnnlStatus Destroy(nint value) => Dnnl.dnnl_post_ops_destroy(value);
}
