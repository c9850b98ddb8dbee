// The oneDNN 2.6 C API functions this backend calls, named 1:1 after dnnl.h. Every signature is blittable
// (handles, ints, pointers), so the generated stubs do no marshalling beyond SafeHandle reference counting.
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Native;

#pragma warning disable IDE1006, SA1300 // C names on purpose: grep dnnl.h for them.
internal static unsafe partial class Dnnl
{
    /// <summary>The logical name DnnlLibrary's resolver maps to libdnnl.so.2.</summary>
    public const string Library = "dnnl";

    [LibraryImport(Library)] public static partial DnnlVersion* dnnl_version();
    [LibraryImport(Library)] public static partial int dnnl_get_effective_cpu_isa();

    [LibraryImport(Library)] public static partial DnnlStatus dnnl_engine_create(out DnnlEngineHandle engine, int kind, nuint index);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_engine_destroy(nint engine);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_stream_create(out DnnlStreamHandle stream, DnnlEngineHandle engine, uint flags);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_stream_wait(nint stream);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_stream_destroy(nint stream);

    [LibraryImport(Library)] public static partial DnnlStatus dnnl_primitive_attr_create(out DnnlAttrHandle attr);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_primitive_attr_destroy(nint attr);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_primitive_attr_set_scratchpad_mode(DnnlAttrHandle attr, int mode);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_primitive_attr_set_post_ops(DnnlAttrHandle attr, DnnlPostOpsHandle postOps);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_post_ops_create(out DnnlPostOpsHandle postOps);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_post_ops_destroy(nint postOps);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_post_ops_append_eltwise(DnnlPostOpsHandle postOps, float scale, DnnlAlgorithm algorithm, float alpha, float beta);

    [LibraryImport(Library)] public static partial DnnlStatus dnnl_memory_desc_init_by_tag(DnnlMemoryDesc* desc, int ndims, long* dims, DnnlDataType dataType, DnnlFormatTag tag);
    [LibraryImport(Library)] public static partial int dnnl_memory_desc_equal(DnnlMemoryDesc* lhs, DnnlMemoryDesc* rhs);
    [LibraryImport(Library)] public static partial nuint dnnl_memory_desc_get_size(DnnlMemoryDesc* desc);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_memory_create(out DnnlMemoryHandle memory, DnnlMemoryDesc* desc, DnnlEngineHandle engine, void* handle);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_memory_destroy(nint memory);

    [LibraryImport(Library)] public static partial DnnlStatus dnnl_primitive_desc_create(out DnnlPrimitiveDescHandle pd, void* opDesc, DnnlAttrHandle attr, DnnlEngineHandle engine, nint hintForward);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_primitive_desc_destroy(nint pd);
    [LibraryImport(Library)] public static partial DnnlMemoryDesc* dnnl_primitive_desc_query_md(DnnlPrimitiveDescHandle pd, DnnlQuery what, int index);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_primitive_desc_query(DnnlPrimitiveDescHandle pd, DnnlQuery what, int index, void* result);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_primitive_create(out DnnlPrimitiveHandle primitive, DnnlPrimitiveDescHandle pd);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_primitive_execute(nint primitive, nint stream, int nargs, DnnlExecArg* args);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_primitive_destroy(nint primitive);

    [LibraryImport(Library)] public static partial DnnlStatus dnnl_reorder_primitive_desc_create(out DnnlPrimitiveDescHandle pd, DnnlMemoryDesc* src, DnnlEngineHandle srcEngine, DnnlMemoryDesc* dst, DnnlEngineHandle dstEngine, DnnlAttrHandle attr);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_concat_primitive_desc_create(out DnnlPrimitiveDescHandle pd, DnnlMemoryDesc* dst, int n, int concatDimension, DnnlMemoryDesc* srcs, DnnlAttrHandle attr, DnnlEngineHandle engine);

    [LibraryImport(Library)] public static partial DnnlStatus dnnl_dilated_convolution_forward_desc_init(void* desc, DnnlPropKind prop, DnnlAlgorithm algorithm, DnnlMemoryDesc* src, DnnlMemoryDesc* weights, DnnlMemoryDesc* bias, DnnlMemoryDesc* dst, long* strides, long* dilates, long* paddingLeft, long* paddingRight);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_dilated_convolution_backward_data_desc_init(void* desc, DnnlAlgorithm algorithm, DnnlMemoryDesc* diffSrc, DnnlMemoryDesc* weights, DnnlMemoryDesc* diffDst, long* strides, long* dilates, long* paddingLeft, long* paddingRight);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_dilated_convolution_backward_weights_desc_init(void* desc, DnnlAlgorithm algorithm, DnnlMemoryDesc* src, DnnlMemoryDesc* diffWeights, DnnlMemoryDesc* diffBias, DnnlMemoryDesc* diffDst, long* strides, long* dilates, long* paddingLeft, long* paddingRight);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_pooling_v2_forward_desc_init(void* desc, DnnlPropKind prop, DnnlAlgorithm algorithm, DnnlMemoryDesc* src, DnnlMemoryDesc* dst, long* strides, long* kernel, long* dilation, long* paddingLeft, long* paddingRight);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_pooling_v2_backward_desc_init(void* desc, DnnlAlgorithm algorithm, DnnlMemoryDesc* diffSrc, DnnlMemoryDesc* diffDst, long* strides, long* kernel, long* dilation, long* paddingLeft, long* paddingRight);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_eltwise_forward_desc_init(void* desc, DnnlPropKind prop, DnnlAlgorithm algorithm, DnnlMemoryDesc* data, float alpha, float beta);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_eltwise_backward_desc_init(void* desc, DnnlAlgorithm algorithm, DnnlMemoryDesc* diffData, DnnlMemoryDesc* data, float alpha, float beta);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_softmax_v2_forward_desc_init(void* desc, DnnlPropKind prop, DnnlAlgorithm algorithm, DnnlMemoryDesc* src, DnnlMemoryDesc* dst, int axis);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_softmax_v2_backward_desc_init(void* desc, DnnlAlgorithm algorithm, DnnlMemoryDesc* diffSrc, DnnlMemoryDesc* diffDst, DnnlMemoryDesc* dst, int axis);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_batch_normalization_forward_desc_init(void* desc, DnnlPropKind prop, DnnlMemoryDesc* data, float epsilon, DnnlNormalizationFlags flags);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_batch_normalization_backward_desc_init(void* desc, DnnlPropKind prop, DnnlMemoryDesc* diffData, DnnlMemoryDesc* data, float epsilon, DnnlNormalizationFlags flags);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_inner_product_forward_desc_init(void* desc, DnnlPropKind prop, DnnlMemoryDesc* src, DnnlMemoryDesc* weights, DnnlMemoryDesc* bias, DnnlMemoryDesc* dst);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_inner_product_backward_data_desc_init(void* desc, DnnlMemoryDesc* diffSrc, DnnlMemoryDesc* weights, DnnlMemoryDesc* diffDst);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_inner_product_backward_weights_desc_init(void* desc, DnnlMemoryDesc* src, DnnlMemoryDesc* diffWeights, DnnlMemoryDesc* diffBias, DnnlMemoryDesc* diffDst);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_lrn_forward_desc_init(void* desc, DnnlPropKind prop, DnnlAlgorithm algorithm, DnnlMemoryDesc* data, long localSize, float alpha, float beta, float k);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_lrn_backward_desc_init(void* desc, DnnlAlgorithm algorithm, DnnlMemoryDesc* diffData, DnnlMemoryDesc* data, long localSize, float alpha, float beta, float k);
    [LibraryImport(Library)] public static partial DnnlStatus dnnl_binary_desc_init(void* desc, DnnlAlgorithm algorithm, DnnlMemoryDesc* src0, DnnlMemoryDesc* src1, DnnlMemoryDesc* dst);
}
#pragma warning restore IDE1006, SA1300

/// <summary>dnnl_version_t.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DnnlVersion
{
    public int Major, Minor, Patch;
    public byte* Hash;
    public uint CpuRuntime, GpuRuntime;
}
