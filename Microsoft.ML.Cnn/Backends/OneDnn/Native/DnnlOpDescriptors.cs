// Everything specific to oneDNN 2.6's "op descriptor" API: *_desc_init into an opaque descriptor blob, then
// dnnl_primitive_desc_create (plus the reorder and concat pd constructors). Moving to oneDNN 3.x, where each
// primitive has one *_primitive_desc_create call and descriptors are gone, means rewriting this file only.
namespace Microsoft.ML.Cnn.Backends.OneDnn.Native;

/// <summary>Strides, kernel, dilation (oneDNN counts dilation from 0) and padding of a 2-D window op.</summary>
internal sealed record DnnlWindow(long[] Strides, long[] Kernel, long[] Dilation, long[] PaddingLeft, long[] PaddingRight);

/// <summary>
/// A primitive descriptor to be created: a cache key that fully identifies it (the descriptor bytes) and the call that
/// creates it on an engine with attributes and an optional forward hint.
/// </summary>
internal sealed class DnnlPrimitiveRequest(string operation, byte[] key, DnnlPrimitiveRequest.Creator create)
{
    public delegate DnnlPrimitiveDescHandle Creator(DnnlEngineHandle engine, DnnlAttrHandle attr, nint hint);

    /// <summary>The op and shapes, for error messages.</summary>
    public string Operation { get; } = operation;

    /// <summary>Identifies the primitive: equal keys (with equal attributes and hint) give interchangeable primitives.</summary>
    public byte[] Key { get; } = key;

    public DnnlPrimitiveDescHandle Create(DnnlEngineHandle engine, DnnlAttrHandle attr, nint hint) => create(engine, attr, hint);
}

internal static unsafe class DnnlOpDescriptors
{
    // sizeof of the 2.6 descriptor structs (gcc): the blobs are opaque to C#, so only their size matters.
    private const int ConvolutionDescSize = 5976, PoolingV2DescSize = 3288, EltwiseDescSize = 1416, SoftmaxV2DescSize = 2800,
        BatchNormDescSize = 3496, InnerProductDescSize = 5584, BinaryDescSize = 2096, LrnDescSize = 1432;

    private delegate DnnlStatus InitDescriptor(void* desc, DnnlMemoryDesc* memoryDescs);

    public static DnnlPrimitiveRequest ConvolutionForward(string op, DnnlPropKind prop, DnnlMemoryDesc src, DnnlMemoryDesc weights, DnnlMemoryDesc? bias, DnnlMemoryDesc dst, DnnlWindow w) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_dilated_convolution_forward_desc_init), ConvolutionDescSize, [src, weights, bias ?? default, dst], (d, m) => With(w, (s, dl, pl, pr) =>
            Dnnl.dnnl_dilated_convolution_forward_desc_init(d, prop, DnnlAlgorithm.ConvolutionDirect, &m[0], &m[1], bias.HasValue ? &m[2] : null, &m[3], s, dl, pl, pr)));

    public static DnnlPrimitiveRequest ConvolutionBackwardData(string op, DnnlMemoryDesc diffSrc, DnnlMemoryDesc weights, DnnlMemoryDesc diffDst, DnnlWindow w) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_dilated_convolution_backward_data_desc_init), ConvolutionDescSize, [diffSrc, weights, diffDst], (d, m) => With(w, (s, dl, pl, pr) =>
            Dnnl.dnnl_dilated_convolution_backward_data_desc_init(d, DnnlAlgorithm.ConvolutionDirect, &m[0], &m[1], &m[2], s, dl, pl, pr)));

    public static DnnlPrimitiveRequest ConvolutionBackwardWeights(string op, DnnlMemoryDesc src, DnnlMemoryDesc diffWeights, DnnlMemoryDesc? diffBias, DnnlMemoryDesc diffDst, DnnlWindow w) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_dilated_convolution_backward_weights_desc_init), ConvolutionDescSize, [src, diffWeights, diffBias ?? default, diffDst], (d, m) => With(w, (s, dl, pl, pr) =>
            Dnnl.dnnl_dilated_convolution_backward_weights_desc_init(d, DnnlAlgorithm.ConvolutionDirect, &m[0], &m[1], diffBias.HasValue ? &m[2] : null, &m[3], s, dl, pl, pr)));

    public static DnnlPrimitiveRequest PoolingForward(string op, DnnlPropKind prop, DnnlAlgorithm algorithm, DnnlMemoryDesc src, DnnlMemoryDesc dst, DnnlWindow w) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_pooling_v2_forward_desc_init), PoolingV2DescSize, [src, dst], (d, m) => WithKernel(w, (s, k, dl, pl, pr) =>
            Dnnl.dnnl_pooling_v2_forward_desc_init(d, prop, algorithm, &m[0], &m[1], s, k, dl, pl, pr)));

    public static DnnlPrimitiveRequest PoolingBackward(string op, DnnlAlgorithm algorithm, DnnlMemoryDesc diffSrc, DnnlMemoryDesc diffDst, DnnlWindow w) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_pooling_v2_backward_desc_init), PoolingV2DescSize, [diffSrc, diffDst], (d, m) => WithKernel(w, (s, k, dl, pl, pr) =>
            Dnnl.dnnl_pooling_v2_backward_desc_init(d, algorithm, &m[0], &m[1], s, k, dl, pl, pr)));

    public static DnnlPrimitiveRequest EltwiseForward(string op, DnnlPropKind prop, DnnlAlgorithm algorithm, DnnlMemoryDesc data, float alpha) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_eltwise_forward_desc_init), EltwiseDescSize, [data], (d, m) => Dnnl.dnnl_eltwise_forward_desc_init(d, prop, algorithm, &m[0], alpha, 0f));

    public static DnnlPrimitiveRequest EltwiseBackward(string op, DnnlAlgorithm algorithm, DnnlMemoryDesc diffData, DnnlMemoryDesc data, float alpha) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_eltwise_backward_desc_init), EltwiseDescSize, [diffData, data], (d, m) => Dnnl.dnnl_eltwise_backward_desc_init(d, algorithm, &m[0], &m[1], alpha, 0f));

    public static DnnlPrimitiveRequest SoftmaxForward(string op, DnnlPropKind prop, DnnlMemoryDesc src, DnnlMemoryDesc dst, int axis) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_softmax_v2_forward_desc_init), SoftmaxV2DescSize, [src, dst], (d, m) => Dnnl.dnnl_softmax_v2_forward_desc_init(d, prop, DnnlAlgorithm.SoftmaxAccurate, &m[0], &m[1], axis));

    public static DnnlPrimitiveRequest SoftmaxBackward(string op, DnnlMemoryDesc diffSrc, DnnlMemoryDesc diffDst, DnnlMemoryDesc dst, int axis) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_softmax_v2_backward_desc_init), SoftmaxV2DescSize, [diffSrc, diffDst, dst], (d, m) => Dnnl.dnnl_softmax_v2_backward_desc_init(d, DnnlAlgorithm.SoftmaxAccurate, &m[0], &m[1], &m[2], axis));

    public static DnnlPrimitiveRequest BatchNormForward(string op, DnnlPropKind prop, DnnlMemoryDesc data, float epsilon, DnnlNormalizationFlags flags) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_batch_normalization_forward_desc_init), BatchNormDescSize, [data], (d, m) => Dnnl.dnnl_batch_normalization_forward_desc_init(d, prop, &m[0], epsilon, flags));

    public static DnnlPrimitiveRequest BatchNormBackward(string op, DnnlPropKind prop, DnnlMemoryDesc diffData, DnnlMemoryDesc data, float epsilon, DnnlNormalizationFlags flags) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_batch_normalization_backward_desc_init), BatchNormDescSize, [diffData, data], (d, m) => Dnnl.dnnl_batch_normalization_backward_desc_init(d, prop, &m[0], &m[1], epsilon, flags));

    /// <summary>LRN across channels; oneDNN divides alpha by the size, as PyTorch does.</summary>
    public static DnnlPrimitiveRequest LrnForward(string op, DnnlPropKind prop, DnnlMemoryDesc data, long size, float alpha, float beta, float k) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_lrn_forward_desc_init), LrnDescSize, [data], (d, m) =>
            Dnnl.dnnl_lrn_forward_desc_init(d, prop, DnnlAlgorithm.LrnAcrossChannels, &m[0], size, alpha, beta, k));

    public static DnnlPrimitiveRequest LrnBackward(string op, DnnlMemoryDesc diffData, DnnlMemoryDesc data, long size, float alpha, float beta, float k) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_lrn_backward_desc_init), LrnDescSize, [diffData, data], (d, m) =>
            Dnnl.dnnl_lrn_backward_desc_init(d, DnnlAlgorithm.LrnAcrossChannels, &m[0], &m[1], size, alpha, beta, k));

    public static DnnlPrimitiveRequest InnerProductForward(string op, DnnlPropKind prop, DnnlMemoryDesc src, DnnlMemoryDesc weights, DnnlMemoryDesc? bias, DnnlMemoryDesc dst) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_inner_product_forward_desc_init), InnerProductDescSize, [src, weights, bias ?? default, dst], (d, m) =>
            Dnnl.dnnl_inner_product_forward_desc_init(d, prop, &m[0], &m[1], bias.HasValue ? &m[2] : null, &m[3]));

    public static DnnlPrimitiveRequest InnerProductBackwardData(string op, DnnlMemoryDesc diffSrc, DnnlMemoryDesc weights, DnnlMemoryDesc diffDst) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_inner_product_backward_data_desc_init), InnerProductDescSize, [diffSrc, weights, diffDst], (d, m) =>
            Dnnl.dnnl_inner_product_backward_data_desc_init(d, &m[0], &m[1], &m[2]));

    public static DnnlPrimitiveRequest InnerProductBackwardWeights(string op, DnnlMemoryDesc src, DnnlMemoryDesc diffWeights, DnnlMemoryDesc? diffBias, DnnlMemoryDesc diffDst) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_inner_product_backward_weights_desc_init), InnerProductDescSize, [src, diffWeights, diffBias ?? default, diffDst], (d, m) =>
            Dnnl.dnnl_inner_product_backward_weights_desc_init(d, &m[0], &m[1], diffBias.HasValue ? &m[2] : null, &m[3]));

    public static DnnlPrimitiveRequest Binary(string op, DnnlAlgorithm algorithm, DnnlMemoryDesc src0, DnnlMemoryDesc src1, DnnlMemoryDesc dst) =>
        FromDescriptor(op, nameof(Dnnl.dnnl_binary_desc_init), BinaryDescSize, [src0, src1, dst], (d, m) => Dnnl.dnnl_binary_desc_init(d, algorithm, &m[0], &m[1], &m[2]));

    /// <summary>A reorder (layout conversion) from <paramref name="src"/> to <paramref name="dst"/>.</summary>
    public static DnnlPrimitiveRequest Reorder(string op, DnnlMemoryDesc src, DnnlMemoryDesc dst) =>
        Reorder(op, [src, dst]);

    private static DnnlPrimitiveRequest Reorder(string op, DnnlMemoryDesc[] m) =>
        new(op, Key(nameof(Dnnl.dnnl_reorder_primitive_desc_create), m[0].ToBytes(), m[1].ToBytes()), (engine, attr, hint) =>
        {
            fixed (DnnlMemoryDesc* p = m)
            {
                DnnlCheck.Check(Dnnl.dnnl_reorder_primitive_desc_create(out var pd, &p[0], engine, &p[1], engine, attr), op);
                return pd;
            }
        });

    /// <summary>Concatenation of <paramref name="srcs"/> along <paramref name="dimension"/> into <paramref name="dst"/> (may be "any").</summary>
    public static DnnlPrimitiveRequest Concat(string op, DnnlMemoryDesc dst, DnnlMemoryDesc[] srcs, int dimension) =>
        Concat(op, [dst], srcs, dimension);

    private static DnnlPrimitiveRequest Concat(string op, DnnlMemoryDesc[] dstBox, DnnlMemoryDesc[] srcs, int dimension) =>
        new(op, Key(nameof(Dnnl.dnnl_concat_primitive_desc_create) + dimension, [dstBox[0].ToBytes(), .. srcs.Select(s => s.ToBytes())]), (engine, attr, hint) =>
        {
            fixed (DnnlMemoryDesc* sources = srcs, dst = dstBox)
            {
                DnnlCheck.Check(Dnnl.dnnl_concat_primitive_desc_create(out var pd, dst, srcs.Length, dimension, sources, attr, engine), op);
                return pd;
            }
        });

    /// <summary>Primitive attributes: user-managed scratchpad (so a primitive may run on any thread) and an optional fused eltwise post-op.</summary>
    public static DnnlAttrHandle CreateAttributes(string op, DnnlAlgorithm? postOp, float postOpAlpha)
    {
        DnnlCheck.Check(Dnnl.dnnl_primitive_attr_create(out var attr), op);
        DnnlCheck.Check(Dnnl.dnnl_primitive_attr_set_scratchpad_mode(attr, DnnlConstants.ScratchpadModeUser), op);
        if (postOp is { } algorithm)
        {
            DnnlCheck.Check(Dnnl.dnnl_post_ops_create(out var postOps), op);
            using (postOps)
            {
                DnnlCheck.Check(Dnnl.dnnl_post_ops_append_eltwise(postOps, 1f, algorithm, postOpAlpha, 0f), op);
                DnnlCheck.Check(Dnnl.dnnl_primitive_attr_set_post_ops(attr, postOps), op);
            }
        }
        return attr;
    }

    private static DnnlPrimitiveRequest FromDescriptor(string op, string initFunction, int size, DnnlMemoryDesc[] memoryDescs, InitDescriptor init)
    {
        // NOTE: 8-byte aligned (long[]) and zeroed, so padding bytes are deterministic and the blob works as a cache key.
        var blob = new long[(size + 7) / 8];
        fixed (long* d = blob)
        fixed (DnnlMemoryDesc* m = memoryDescs)
            DnnlCheck.Check(init(d, m), op, initFunction);
        var bytes = new byte[blob.Length * 8];
        Buffer.BlockCopy(blob, 0, bytes, 0, bytes.Length);
        return new DnnlPrimitiveRequest(op, Key(initFunction, bytes), (engine, attr, hint) =>
        {
            fixed (long* d = blob)
            {
                DnnlCheck.Check(Dnnl.dnnl_primitive_desc_create(out var pd, d, attr, engine, hint), op);
                return pd;
            }
        });
    }

    private delegate DnnlStatus WindowCall(long* strides, long* dilation, long* paddingLeft, long* paddingRight);

    private delegate DnnlStatus KernelWindowCall(long* strides, long* kernel, long* dilation, long* paddingLeft, long* paddingRight);

    private static DnnlStatus With(DnnlWindow w, WindowCall call)
    {
        fixed (long* s = w.Strides, dl = w.Dilation, pl = w.PaddingLeft, pr = w.PaddingRight) return call(s, dl, pl, pr);
    }

    private static DnnlStatus WithKernel(DnnlWindow w, KernelWindowCall call)
    {
        fixed (long* s = w.Strides, k = w.Kernel, dl = w.Dilation, pl = w.PaddingLeft, pr = w.PaddingRight) return call(s, k, dl, pl, pr);
    }

    private static byte[] Key(string kind, params byte[][] parts)
    {
        var prefix = System.Text.Encoding.ASCII.GetBytes(kind + "|");
        var key = new byte[prefix.Length + parts.Sum(p => p.Length)];
        prefix.CopyTo(key, 0);
        int offset = prefix.Length;
        foreach (var part in parts) { part.CopyTo(key, offset); offset += part.Length; }
        return key;
    }
}
