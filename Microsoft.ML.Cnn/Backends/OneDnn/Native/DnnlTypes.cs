// The oneDNN 2.6 C enums and argument ids this backend uses, with the values of dnnl_types.h (checked with a C program).
namespace Microsoft.ML.Cnn.Backends.OneDnn.Native;

/// <summary>dnnl_status_t.</summary>
internal enum DnnlStatus
{
    Success = 0,
    OutOfMemory = 1,
    InvalidArguments = 2,
    Unimplemented = 3,
    IteratorEnds = 4,
    RuntimeError = 5,
    NotRequired = 6,
}

/// <summary>dnnl_data_type_t (the subset used).</summary>
internal enum DnnlDataType
{
    F32 = 3,
    U8 = 6,
}

/// <summary>dnnl_format_tag_t (the subset used): plain row-major tags by rank, "any", and blocked tags for layout matching.</summary>
internal enum DnnlFormatTag
{
    Any = 1,
    A = 2,
    AB = 3,
    ABC = 4,
    ABCD = 5,
    ABCDE = 7,
    /// <summary>nhwc.</summary>
    ACDB = 20,
    /// <summary>nChw16c.</summary>
    ABcd16b = 69,
    /// <summary>nChw8c.</summary>
    ABcd8b = 93,
}

/// <summary>dnnl_prop_kind_t.</summary>
internal enum DnnlPropKind
{
    ForwardTraining = 64,
    ForwardInference = 96,
    Backward = 128,
    BackwardData = 160,
    BackwardWeights = 192,
}

/// <summary>dnnl_alg_kind_t (the subset used).</summary>
internal enum DnnlAlgorithm
{
    ConvolutionDirect = 1,
    EltwiseRelu = 0x1f,
    EltwiseTanh = 0x2f,
    EltwiseElu = 0x3f,
    EltwiseLogistic = 0xaf,
    EltwiseReluUseDst = 0x100,
    EltwiseTanhUseDst = 0x101,
    EltwiseEluUseDst = 0x102,
    EltwiseLogisticUseDst = 0x104,
    PoolingMax = 0x1ff,
    PoolingAvgIncludePadding = 0x2ff,
    PoolingAvgExcludePadding = 0x3ff,
    LrnAcrossChannels = 0xaff,
    BinaryAdd = 0x1fff0,
    SoftmaxAccurate = 0x30000,
}

/// <summary>dnnl_normalization_flags_t.</summary>
[Flags]
internal enum DnnlNormalizationFlags : uint
{
    None = 0,
    UseGlobalStats = 1,
    UseScale = 8,
    UseShift = 16,
}

/// <summary>dnnl_query_t: the memory descriptors of a primitive descriptor.</summary>
internal enum DnnlQuery
{
    ImplInfoString = 8,
    SourceMd = 129,
    DiffSourceMd = 130,
    WeightsMd = 131,
    DiffWeightsMd = 132,
    DestinationMd = 133,
    DiffDestinationMd = 134,
    WorkspaceMd = 135,
    ScratchpadMd = 136,
}

/// <summary>DNNL_ARG_* execution argument ids.</summary>
internal static class DnnlArg
{
    public const int Src = 1;
    public const int Src1 = 2;
    public const int Dst = 17;
    public const int Weights = 33;
    public const int Bias = 41;
    public const int Mean = 49;
    public const int Variance = 50;
    public const int Scale = 51;
    public const int Shift = 52;
    public const int Workspace = 64;
    public const int Scratchpad = 80;
    public const int DiffSrc = 129;
    public const int DiffDst = 145;
    public const int DiffWeights = 161;
    public const int DiffBias = 169;
    public const int DiffScale = 255;
    public const int DiffShift = 256;
    /// <summary>DNNL_ARG_MULTIPLE_SRC: concat's sources are this plus their index.</summary>
    public const int MultipleSrc = 1024;
}

/// <summary>dnnl_exec_arg_t: one (argument id, memory object) pair of dnnl_primitive_execute.</summary>
internal struct DnnlExecArg
{
    public int Arg;
    public nint Memory;
}

/// <summary>Engine, stream and scratchpad constants.</summary>
internal static class DnnlConstants
{
    public const int EngineKindCpu = 1;
    public const uint StreamInOrder = 1;
    public const int ScratchpadModeUser = 1;
    /// <summary>DNNL_MAX_NDIMS: the length of dnnl_dims_t.</summary>
    public const int MaxDims = 12;
}
