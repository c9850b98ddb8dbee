// One tensor's entry in a safetensors header: name, element type, shape and where its bytes lie.
namespace Microsoft.ML.Cnn.Persistence.SafeTensors;

/// <summary>A tensor listed in a safetensors file, already validated against the file (see <see cref="SafeTensorsReader"/>).</summary>
/// <param name="Name">The header key, e.g. "layer1.0.conv1.weight".</param>
/// <param name="DType">The element type.</param>
/// <param name="Shape">Dimensions, outermost first (row-major); empty for a scalar.</param>
/// <param name="Begin">First byte, relative to the start of the data buffer.</param>
/// <param name="End">One past the last byte, relative to the start of the data buffer.</param>
public sealed record SafeTensorInfo(string Name, SafeTensorsDType DType, IReadOnlyList<long> Shape, long Begin, long End)
{
    /// <summary>Number of elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public long ElementCount => (End - Begin) / DType.ElementSize();

    /// <summary>The shape as PyTorch prints it, e.g. "[64, 3, 7, 7]".</summary>
    public string ShapeText => $"[{string.Join(", ", Shape)}]";

    /// <inheritdoc/>
    public override string ToString() => $"{Name} {DType.HeaderName()} {ShapeText}";
}
