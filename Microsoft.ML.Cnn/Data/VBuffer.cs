// ML.NET's vector value type, dense only: a length and that many values.
namespace Microsoft.ML.Cnn.Data;

/// <summary>
/// The value of a vector column: <see cref="Length"/> items. Only the dense representation is supported
/// (ML.NET's sparse VBuffer, with indices, is not): <see cref="IsDense"/> is always true.
/// </summary>
public readonly struct VBuffer<T>
{
    private readonly T[]? _values;

    /// <summary>A vector of the first <paramref name="length"/> items of <paramref name="values"/> (not copied).</summary>
    public VBuffer(int length, T[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (length < 0 || length > values.Length)
            throw new ArgumentOutOfRangeException(nameof(length), $"length {length} must be in 0..{values.Length} (the values array's length).");
        Length = length;
        _values = values;
    }

    /// <summary>A vector holding <paramref name="values"/> (not copied).</summary>
    public VBuffer(T[] values) : this(values?.Length ?? 0, values!) { }

    /// <summary>The number of items.</summary>
    public int Length { get; }

    /// <summary>Always true: sparse vectors are not supported.</summary>
    public bool IsDense => true;

    /// <summary>The items, as a span over the backing array.</summary>
    public ReadOnlySpan<T> GetValues() => _values.AsSpan(0, Length);

    /// <summary>The items, enumerated.</summary>
    public IEnumerable<T> DenseValues()
    {
        for (int i = 0; i < Length; i++) yield return _values![i];
    }

    /// <summary>The item at <paramref name="index"/>.</summary>
    public T GetItemOrDefault(int index) =>
        (uint)index < (uint)Length ? _values![index] : throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is outside 0..{Length - 1}.");

    /// <summary>Copies the items into <paramref name="destination"/>, reusing its array when it is large enough.</summary>
    public void CopyTo(ref VBuffer<T> destination)
    {
        T[] target = destination._values is { } existing && existing.Length >= Length ? existing : new T[Length];
        GetValues().CopyTo(target);
        destination = new VBuffer<T>(Length, target);
    }

    /// <summary>A new array holding the items.</summary>
    public T[] ToArray() => GetValues().ToArray();
}
