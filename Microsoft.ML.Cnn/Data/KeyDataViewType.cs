// Key (categorical index) columns as in ML.NET: values 1..Count name a category, 0 means missing.
namespace Microsoft.ML.Cnn.Data;

/// <summary>
/// A categorical column: value <c>k</c> in 1..<see cref="Count"/> is category <c>k</c>, value 0 is missing.
/// The raw type is <see cref="uint"/> (the default, as ML.NET's <c>MapValueToKey</c> produces) or <see cref="byte"/>.
/// </summary>
public sealed class KeyDataViewType : PrimitiveDataViewType
{
    /// <summary>Creates a key type over <paramref name="count"/> categories, read as <paramref name="rawType"/>.</summary>
    public KeyDataViewType(Type rawType, ulong count) : base(CheckRawType(rawType))
    {
        if (count == 0) throw new ArgumentOutOfRangeException(nameof(count), "A key type needs at least one category (count >= 1).");
        ulong max = rawType == typeof(byte) ? byte.MaxValue : uint.MaxValue;
        if (count > max)
            throw new ArgumentOutOfRangeException(nameof(count), $"count {count} does not fit raw type {rawType.Name} (at most {max}).");
        Count = count;
    }

    /// <summary>Creates a key type over <paramref name="count"/> categories, read as <see cref="uint"/>.</summary>
    public KeyDataViewType(ulong count) : this(typeof(uint), count) { }

    /// <summary>The number of categories; valid values are 1..Count.</summary>
    public ulong Count { get; }

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other) =>
        other is KeyDataViewType key && key.RawType == RawType && key.Count == Count;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RawType, Count);

    /// <inheritdoc/>
    public override string ToString() => $"Key<{RawType.Name}, 0-{Count - 1}>";

    private static Type CheckRawType(Type rawType)
    {
        if (rawType == typeof(uint) || rawType == typeof(byte)) return rawType;
        throw new ArgumentException($"A key type's raw type must be UInt32 or Byte, not {rawType?.Name ?? "null"}.", nameof(rawType));
    }
}
