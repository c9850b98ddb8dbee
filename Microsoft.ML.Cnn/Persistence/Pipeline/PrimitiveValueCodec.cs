// Arrays of primitive column values (the raw types of NumberDataViewType, Boolean, text and keys) in a model stream,
// for fitted state such as learned key values.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Persistence.Pipeline;

/// <summary>Writes and reads <c>T[]</c> for every primitive raw type a data view column can have.</summary>
public static class PrimitiveValueCodec
{
    /// <summary>Writes <paramref name="values"/>: int32 count, then each value.</summary>
    public static void Write<T>(ModelStreamWriter writer, ReadOnlySpan<T> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (typeof(T) == typeof(float)) { writer.WriteSingles(Cast<float, T>(values)); return; }
        if (typeof(T) == typeof(double)) { writer.WriteDoubles(Cast<double, T>(values)); return; }
        if (typeof(T) == typeof(int)) { writer.WriteInt32s(Cast<int, T>(values)); return; }
        writer.WriteInt32(values.Length);
        foreach (var value in values)
        {
            switch (value)
            {
                case uint u: writer.WriteInt64(u); break;
                case byte b: writer.WriteByte(b); break;
                case bool flag: writer.WriteBool(flag); break;
                case ReadOnlyMemory<char> text: writer.WriteString(text.ToString()); break;
                default: throw new NotSupportedException($"Values of type {typeof(T).Name} cannot be saved in a model file.");
            }
        }
    }

    /// <summary>Reads what <see cref="Write{T}"/> wrote for the same <typeparamref name="T"/>.</summary>
    public static T[] Read<T>(ModelStreamReader reader, string what)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (typeof(T) == typeof(float)) return (T[])(object)reader.ReadSingles(what);
        if (typeof(T) == typeof(double)) return (T[])(object)reader.ReadDoubles(what);
        if (typeof(T) == typeof(int)) return (T[])(object)reader.ReadInt32s(what);
        // Each item takes at least one byte (a UInt32 takes 8, a string its 4-byte length), so the bytes left bound the count.
        int minBytes = typeof(T) == typeof(uint) ? 8 : typeof(T) == typeof(ReadOnlyMemory<char>) ? 4 : 1;
        int count = reader.ReadCount(PipelineFormat.MaxCollectionCount, minBytes, what);
        var values = new T[count];
        for (int i = 0; i < count; i++) values[i] = ReadOne<T>(reader, $"{what}[{i}]");
        return values;
    }

    private static T ReadOne<T>(ModelStreamReader reader, string what)
    {
        object value = typeof(T) switch
        {
            var t when t == typeof(uint) => (uint)ReadUInt32(reader, what),
            var t when t == typeof(byte) => reader.ReadByte(),
            var t when t == typeof(bool) => reader.ReadBool(what),
            var t when t == typeof(ReadOnlyMemory<char>) => reader.ReadString(what).AsMemory(),
            _ => throw new NotSupportedException($"Values of type {typeof(T).Name} cannot be read from a model file."),
        };
        return (T)value;
    }

    private static long ReadUInt32(ModelStreamReader reader, string what)
    {
        long value = reader.ReadInt64();
        if (value < 0 || value > uint.MaxValue) throw reader.Invalid($"{what} is {value}, outside the UInt32 range.");
        return value;
    }

    /// <summary>Reinterprets a span of T as TTo; only called after checking typeof(T) == typeof(TTo).</summary>
    private static ReadOnlySpan<TTo> Cast<TTo, T>(ReadOnlySpan<T> values) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, TTo>(ref MemoryMarshal.GetReference(values)), values.Length);
}
