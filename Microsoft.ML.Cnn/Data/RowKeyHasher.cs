// Stable 64-bit hashes of a column's current value, used to keep rows with equal keys together (sampling keys,
// stratification classes). Stable across runs and platforms, unlike string.GetHashCode.
namespace Microsoft.ML.Cnn.Data;

/// <summary>Hashes the current value of a scalar column (numbers, booleans, text, keys).</summary>
internal static class RowKeyHasher
{
    /// <summary>A function returning the hash of <paramref name="column"/>'s value on <paramref name="row"/>'s current row.</summary>
    public static Func<ulong> Create(DataViewRow row, DataViewSchema.Column column)
    {
        Type raw = column.Type.RawType;
        if (raw == typeof(float)) return Of<float>(row, column, v => (ulong)BitConverter.SingleToUInt32Bits(v == 0 ? 0f : v));
        if (raw == typeof(double)) return Of<double>(row, column, v => BitConverter.DoubleToUInt64Bits(v == 0 ? 0d : v));
        if (raw == typeof(int)) return Of<int>(row, column, v => (ulong)(uint)v);
        if (raw == typeof(uint)) return Of<uint>(row, column, v => v);
        if (raw == typeof(byte)) return Of<byte>(row, column, v => v);
        if (raw == typeof(bool)) return Of<bool>(row, column, v => v ? 1UL : 0UL);
        if (raw == typeof(ReadOnlyMemory<char>)) return Of<ReadOnlyMemory<char>>(row, column, v => Fnv1a(v.Span));
        throw new ArgumentException($"Column '{column.Name}' has type {column.Type}; a sampling or stratification column must hold single values " +
            "(numbers, booleans, text or keys), not vectors.");
    }

    /// <summary>A well-mixed 64-bit value of <paramref name="value"/> under <paramref name="seed"/> (SplitMix64 finalizer).</summary>
    public static ulong Mix(ulong value, int seed)
    {
        ulong z = value + 0x9E3779B97F4A7C15UL * (ulong)(uint)seed + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static Func<ulong> Of<T>(DataViewRow row, DataViewSchema.Column column, Func<T, ulong> hash)
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        return () => { getter(ref value); return hash(value); };
    }

    private static ulong Fnv1a(ReadOnlySpan<char> text)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in text) h = (h ^ c) * 0x100000001B3UL;
        return h;
    }
}
