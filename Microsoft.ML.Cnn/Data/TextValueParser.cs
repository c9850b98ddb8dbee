// Parses one text field into a column's item type (invariant culture; an empty float field is NaN, as ML.NET's missing value).
using System.Globalization;

namespace Microsoft.ML.Cnn.Data;

/// <summary>Text-to-value conversion for the supported item types.</summary>
internal static class TextValueParser
{
    /// <summary>Parses <paramref name="text"/> as <paramref name="itemType"/>; returns null, or why it could not.</summary>
    public static string? TryParse<T>(string text, PrimitiveDataViewType itemType, out T value)
    {
        value = default!;
        var span = text.AsSpan().Trim();
        var invariant = CultureInfo.InvariantCulture;
        if (typeof(T) == typeof(ReadOnlyMemory<char>)) { value = (T)(object)text.AsMemory(); return null; }
        if (typeof(T) == typeof(float))
        {
            if (span.IsEmpty) { value = (T)(object)float.NaN; return null; }
            if (!float.TryParse(span, NumberStyles.Float, invariant, out float f)) return Invalid(text, itemType);
            value = (T)(object)f;
            return null;
        }
        if (typeof(T) == typeof(double))
        {
            if (span.IsEmpty) { value = (T)(object)double.NaN; return null; }
            if (!double.TryParse(span, NumberStyles.Float, invariant, out double d)) return Invalid(text, itemType);
            value = (T)(object)d;
            return null;
        }
        if (typeof(T) == typeof(bool))
        {
            bool? b = span.Equals("true", StringComparison.OrdinalIgnoreCase) || span.SequenceEqual("1") ? true
                : span.Equals("false", StringComparison.OrdinalIgnoreCase) || span.SequenceEqual("0") ? false : null;
            if (b == null) return $"'{text}' is not a Boolean (use true/false or 1/0)";
            value = (T)(object)b.Value;
            return null;
        }
        if (typeof(T) == typeof(int))
        {
            if (!int.TryParse(span, NumberStyles.Integer, invariant, out int i)) return Invalid(text, itemType);
            value = (T)(object)i;
            return null;
        }
        if (!ulong.TryParse(span, NumberStyles.None, invariant, out ulong u)) return Invalid(text, itemType);
        ulong max = itemType is KeyDataViewType key ? key.Count : typeof(T) == typeof(byte) ? byte.MaxValue : uint.MaxValue;
        if (u > max)
            return itemType is KeyDataViewType ? $"key {u} is outside 0..{max} (0 = missing) for {itemType}" : $"{u} is too large for {itemType}";
        if (typeof(T) == typeof(uint)) { value = (T)(object)(uint)u; return null; }
        if (typeof(T) == typeof(byte)) { value = (T)(object)(byte)u; return null; }
        return $"values of type {itemType} cannot be read from text";
    }

    private static string Invalid(string text, PrimitiveDataViewType itemType) => $"'{text}' is not a valid {itemType}";
}
