// Primitives created once per (descriptor, attributes, hint) and shared by every executable of a backend, so
// recompiling a plan (another batch size's twin, a predictor) creates nothing new for shapes seen before.
using System.Security.Cryptography;
using Microsoft.ML.Cnn.Backends.OneDnn.Native;

namespace Microsoft.ML.Cnn.Backends.OneDnn;

/// <summary>A primitive descriptor and its primitive; owned by the <see cref="PrimitiveCache"/>.</summary>
internal sealed class CachedPrimitive(string operation, DnnlPrimitiveDescHandle descriptor, DnnlPrimitiveHandle primitive) : IDisposable
{
    /// <summary>The op and shapes it was created for, for error messages.</summary>
    public string Operation { get; } = operation;

    public DnnlPrimitiveDescHandle Descriptor { get; } = descriptor;

    public DnnlPrimitiveHandle Primitive { get; } = primitive;

    /// <summary>A copy of one of the descriptor's memory descriptors (the returned pointer belongs to the descriptor).</summary>
    public unsafe DnnlMemoryDesc Query(DnnlQuery what, int index = 0)
    {
        DnnlMemoryDesc* desc = Dnnl.dnnl_primitive_desc_query_md(Descriptor, what, index);
        if (desc is null) throw new InvalidOperationException($"oneDNN has no {what} #{index} for {Operation}.");
        return *desc;
    }

    /// <summary>The user-managed scratchpad a run needs, or null when it needs none.</summary>
    public unsafe DnnlMemoryDesc? ScratchpadDesc
    {
        get
        {
            DnnlMemoryDesc* desc = Dnnl.dnnl_primitive_desc_query_md(Descriptor, DnnlQuery.ScratchpadMd, 0);
            return desc is null || DnnlMemoryDescs.SizeInBytes(*desc) == 0 ? null : *desc;
        }
    }

    /// <summary>oneDNN's name for the implementation it chose (e.g. "jit:avx512_core").</summary>
    public unsafe string Implementation
    {
        get
        {
            byte* name = null;
            DnnlCheck.Check(Dnnl.dnnl_primitive_desc_query(Descriptor, DnnlQuery.ImplInfoString, 0, &name), Operation);
            return name is null ? "" : new string((sbyte*)name);
        }
    }

    public void Dispose()
    {
        Primitive.Dispose();
        Descriptor.Dispose();
    }
}

/// <summary>The backend's primitives, keyed by the SHA-256 of descriptor bytes, attributes and hint.</summary>
internal sealed class PrimitiveCache(DnnlEngineHandle engine) : IDisposable
{
    private readonly Dictionary<string, CachedPrimitive> _primitives = [];
    private readonly Dictionary<string, DnnlAttrHandle> _attributes = [];
    private readonly Dictionary<CachedPrimitive, string> _keys = [];

    /// <summary>Primitives created so far (cache misses), for tests that prove reuse.</summary>
    public int CreatedCount { get; private set; }

    /// <summary>The primitive for <paramref name="request"/>, created on first use.</summary>
    public CachedPrimitive Get(DnnlPrimitiveRequest request, CachedPrimitive? hint = null, DnnlAlgorithm? postOp = null, float postOpAlpha = 0f)
    {
        string attributeKey = postOp is { } algorithm ? $"{algorithm}:{postOpAlpha:R}" : "";
        // oneDNN plans a primitive's work split for the OpenMP team size at creation, so that size is part of the key.
        string key = Convert.ToHexString(SHA256.HashData(request.Key)) + "|" + attributeKey + "|" + OpenMp.omp_get_max_threads() + "|" + (hint is null ? "" : _keys[hint]);
        if (_primitives.TryGetValue(key, out var cached)) return cached;

        if (!_attributes.TryGetValue(attributeKey, out var attributes))
        {
            attributes = DnnlOpDescriptors.CreateAttributes(request.Operation, postOp, postOpAlpha);
            _attributes[attributeKey] = attributes;
        }
        var descriptor = request.Create(engine, attributes, hint is null ? 0 : hint.Descriptor.DangerousGetHandle());
        DnnlCheck.Check(Dnnl.dnnl_primitive_create(out var primitive, descriptor), request.Operation);
        cached = new CachedPrimitive(request.Operation, descriptor, primitive);
        _primitives[key] = cached;
        _keys[cached] = key;
        CreatedCount++;
        return cached;
    }

    public void Dispose()
    {
        foreach (var primitive in _primitives.Values) primitive.Dispose();
        foreach (var attributes in _attributes.Values) attributes.Dispose();
        _primitives.Clear();
        _attributes.Clear();
    }
}
