// The element types a safetensors file may declare, with their byte sizes and header spellings.
namespace Microsoft.ML.Cnn.Persistence.SafeTensors;

/// <summary>
/// A tensor's element type in a safetensors file (the header's "dtype" string, e.g. "F32"). All are little-endian.
/// <see cref="F32"/>, <see cref="F16"/>, <see cref="BF16"/> and <see cref="F64"/> are read as float32; the others
/// (integers, booleans, 8-bit floats) can be listed but not read as weights.
/// </summary>
public enum SafeTensorsDType
{
    /// <summary>"BOOL": one byte, 0 or 1.</summary>
    Bool,
    /// <summary>"U8".</summary>
    U8,
    /// <summary>"I8".</summary>
    I8,
    /// <summary>"F8_E5M2": 8-bit float, 5 exponent bits.</summary>
    F8E5M2,
    /// <summary>"F8_E4M3": 8-bit float, 4 exponent bits.</summary>
    F8E4M3,
    /// <summary>"I16".</summary>
    I16,
    /// <summary>"U16".</summary>
    U16,
    /// <summary>"F16": IEEE half precision.</summary>
    F16,
    /// <summary>"BF16": bfloat16, the upper half of a float32.</summary>
    BF16,
    /// <summary>"I32".</summary>
    I32,
    /// <summary>"U32".</summary>
    U32,
    /// <summary>"F32": IEEE single precision, this library's parameter type.</summary>
    F32,
    /// <summary>"F64": IEEE double precision.</summary>
    F64,
    /// <summary>"I64", e.g. PyTorch's BatchNorm num_batches_tracked.</summary>
    I64,
    /// <summary>"U64".</summary>
    U64,
}

/// <summary>Header spellings and sizes of <see cref="SafeTensorsDType"/>.</summary>
public static class SafeTensorsDTypes
{
    private static readonly string[] Names = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16", "I32", "U32", "F32", "F64", "I64", "U64"];
    private static readonly int[] Sizes = [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 8, 8, 8];

    /// <summary>The header's spelling, e.g. "BF16".</summary>
    public static string HeaderName(this SafeTensorsDType dtype) => Names[Index(dtype)];

    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this SafeTensorsDType dtype) => Sizes[Index(dtype)];

    /// <summary>True for the types read as float32 weights: F16, BF16, F32, F64.</summary>
    public static bool IsReadableAsSingle(this SafeTensorsDType dtype) => dtype is SafeTensorsDType.F16 or SafeTensorsDType.BF16 or SafeTensorsDType.F32 or SafeTensorsDType.F64;

    /// <summary>Parses a header spelling (case-sensitive, as the format requires); false for an unknown one.</summary>
    public static bool TryParse(string headerName, out SafeTensorsDType dtype)
    {
        int index = Array.IndexOf(Names, headerName);
        dtype = (SafeTensorsDType)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Every header spelling, for error messages.</summary>
    public static IReadOnlyList<string> AllHeaderNames => Names;

    private static int Index(SafeTensorsDType dtype) =>
        Enum.IsDefined(dtype) ? (int)dtype : throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown safetensors dtype.");
}
