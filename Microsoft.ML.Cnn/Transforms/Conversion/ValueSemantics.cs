// How MapValueToKey compares, orders, stores and prints a value type: text by content (ReadOnlyMemory compares by
// reference otherwise), NaN as missing, values copied out of reused buffers.
using System.Globalization;

namespace Microsoft.ML.Cnn.Transforms.Conversion;

/// <summary>Equality, order, missing-ness and text form of the values of one item type.</summary>
internal sealed class ValueSemantics<T> : IEqualityComparer<T>, IComparer<T>
{
    public static readonly ValueSemantics<T> Instance = new();

    private static bool IsText => typeof(T) == typeof(ReadOnlyMemory<char>);

    /// <summary>NaN (float or double) is the missing value; other types have none, so every value gets a key.</summary>
    public bool IsMissing(T value) => value switch
    {
        float f => float.IsNaN(f),
        double d => double.IsNaN(d),
        _ => false,
    };

    /// <summary>The value the key-to-value mapping returns for key 0 (missing).</summary>
    public static T Missing => typeof(T) == typeof(float) ? (T)(object)float.NaN
        : typeof(T) == typeof(double) ? (T)(object)double.NaN
        : IsText ? (T)(object)ReadOnlyMemory<char>.Empty
        : default!;

    /// <summary>A copy that no longer shares the source's buffer (text only; other types are values).</summary>
    public T Own(T value) => IsText ? (T)(object)((ReadOnlyMemory<char>)(object)value!).ToString().AsMemory() : value;

    /// <summary>The value as text (invariant culture).</summary>
    public string ToText(T value) => value switch
    {
        ReadOnlyMemory<char> text => text.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    public bool Equals(T? x, T? y) => IsText
        ? ((ReadOnlyMemory<char>)(object)x!).Span.SequenceEqual(((ReadOnlyMemory<char>)(object)y!).Span)
        : EqualityComparer<T>.Default.Equals(x, y);

    public int GetHashCode(T obj) => IsText
        ? string.GetHashCode(((ReadOnlyMemory<char>)(object)obj!).Span, StringComparison.Ordinal)
        : EqualityComparer<T>.Default.GetHashCode(obj!);

    public int Compare(T? x, T? y) => IsText
        ? ((ReadOnlyMemory<char>)(object)x!).Span.SequenceCompareTo(((ReadOnlyMemory<char>)(object)y!).Span)
        : Comparer<T>.Default.Compare(x, y);
}
