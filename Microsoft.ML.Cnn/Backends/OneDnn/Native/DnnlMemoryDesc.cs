// A blittable mirror of oneDNN 2.6's dnnl_memory_desc_t (696 bytes, checked with gcc's sizeof): the value the C API
// reads and writes through pointers. Only the leading fields are read from C#; the rest is opaque.
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Native;

/// <summary>dnnl_memory_desc_t. Copy it out of <c>dnnl_primitive_desc_query_md</c> results: those pointers belong to the primitive descriptor.</summary>
[StructLayout(LayoutKind.Explicit, Size = SizeInBytes)]
internal unsafe struct DnnlMemoryDesc
{
    public const int SizeInBytes = 696;

    [FieldOffset(0)] public int NDims;
    [FieldOffset(8)] public fixed long Dims[DnnlConstants.MaxDims];
    [FieldOffset(104)] public DnnlDataType DataType;
    [FieldOffset(312)] public int FormatKind;

    /// <summary>The logical dimensions.</summary>
    public readonly long[] LogicalDims()
    {
        var dims = new long[NDims];
        for (int i = 0; i < dims.Length; i++) dims[i] = Dims[i];
        return dims;
    }

    /// <summary>The 696 bytes, for cache keys.</summary>
    public readonly byte[] ToBytes()
    {
        var bytes = new byte[SizeInBytes];
        fixed (DnnlMemoryDesc* self = &this) new ReadOnlySpan<byte>(self, SizeInBytes).CopyTo(bytes);
        return bytes;
    }
}

/// <summary>Memory descriptor constructors (2.x: the descriptor is a value; 3.x makes it a handle).</summary>
internal static unsafe class DnnlMemoryDescs
{
    /// <summary>f32 with the given tag; <see cref="DnnlFormatTag.Any"/> lets a primitive choose.</summary>
    public static DnnlMemoryDesc Create(ReadOnlySpan<long> dims, DnnlFormatTag tag, string op)
    {
        DnnlMemoryDesc desc;
        fixed (long* d = dims) DnnlCheck.Check(Dnnl.dnnl_memory_desc_init_by_tag(&desc, dims.Length, d, DnnlDataType.F32, tag), op);
        return desc;
    }

    /// <summary>Row-major f32 (nchw, oihw, nc, ...): the canonical layout of every tensor outside oneDNN.</summary>
    public static DnnlMemoryDesc Plain(ReadOnlySpan<long> dims, string op) => Create(dims, PlainTag(dims.Length), op);

    public static DnnlFormatTag PlainTag(int rank) => rank switch
    {
        1 => DnnlFormatTag.A,
        2 => DnnlFormatTag.AB,
        3 => DnnlFormatTag.ABC,
        4 => DnnlFormatTag.ABCD,
        5 => DnnlFormatTag.ABCDE,
        _ => throw new NotSupportedException($"The oneDNN backend handles tensors of rank 1 to 5, not {rank}."),
    };

    public static bool Equal(in DnnlMemoryDesc a, in DnnlMemoryDesc b)
    {
        fixed (DnnlMemoryDesc* pa = &a, pb = &b) return Dnnl.dnnl_memory_desc_equal(pa, pb) != 0;
    }

    /// <summary>Bytes a buffer of this layout needs (padded blocked layouts need more than the element count).</summary>
    public static long SizeInBytes(in DnnlMemoryDesc desc)
    {
        fixed (DnnlMemoryDesc* p = &desc) return (long)Dnnl.dnnl_memory_desc_get_size(p);
    }
}
