// Vector columns as in ML.NET: an item type and dimensions (all 0 = variable size); values are VBuffer<T>.
namespace Microsoft.ML.Cnn.Data;

/// <summary>
/// A vector column of <see cref="ItemType"/> items with row-major <see cref="Dimensions"/>, e.g. (C, H, W) for planar
/// images. No dimensions, or a 0 among them, means the size varies from row to row.
/// </summary>
public sealed class VectorDataViewType : DataViewType
{
    private readonly int[] _dimensions;

    /// <summary>Creates a vector type; <paramref name="dimensions"/> empty (or 0) means variable size.</summary>
    public VectorDataViewType(PrimitiveDataViewType itemType, params int[] dimensions) : base(VBufferType(itemType))
    {
        ItemType = itemType;
        foreach (int d in dimensions)
            if (d < 0) throw new ArgumentOutOfRangeException(nameof(dimensions), $"Vector dimensions must be >= 0 (0 = unknown); got [{string.Join(", ", dimensions)}].");
        _dimensions = dimensions.Length == 0 ? [0] : (int[])dimensions.Clone();
        long size = 1;
        foreach (int d in _dimensions) size *= d;
        if (size > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(dimensions), $"A vector of {size} items is too large.");
        Size = (int)size;
    }

    /// <summary>The type of one item.</summary>
    public PrimitiveDataViewType ItemType { get; }

    /// <summary>The dimensions, row-major; a single 0 for a variable-size vector.</summary>
    public IReadOnlyList<int> Dimensions => _dimensions;

    /// <summary>The number of items (product of the dimensions); 0 when the size varies.</summary>
    public int Size { get; }

    /// <summary>Whether every row has <see cref="Size"/> items.</summary>
    public bool IsKnownSize => Size > 0;

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other) =>
        other is VectorDataViewType vector && vector.ItemType.Equals(ItemType) && vector._dimensions.AsSpan().SequenceEqual(_dimensions);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ItemType, Size, _dimensions.Length);

    /// <inheritdoc/>
    public override string ToString() => $"Vector<{ItemType}, {string.Join(", ", _dimensions)}>";

    private static Type VBufferType(PrimitiveDataViewType itemType)
    {
        ArgumentNullException.ThrowIfNull(itemType);
        return ItemTypes.VBufferOf(itemType.RawType);
    }
}
