// The closed set of item types a data view column may hold, and a generic dispatch over them, so code that must be
// generic in a column's value type (caches, readers) gets a type argument without reflection.
namespace Microsoft.ML.Cnn.Data;

/// <summary>Code generic in a column's raw type T (e.g. <c>float</c> or <c>VBuffer&lt;float&gt;</c>).</summary>
internal interface IRawTypeVisitor<out TResult>
{
    TResult Visit<T>();
}

/// <summary>The supported item types and dispatch from a <see cref="DataViewType"/> to its raw type.</summary>
internal static class ItemTypes
{
    /// <summary>typeof(VBuffer&lt;T&gt;) for a supported item raw type.</summary>
    public static Type VBufferOf(Type item) => Dispatch(item, VBufferTypeVisitor.Instance, vector: false);

    /// <summary>Calls <c>visitor.Visit&lt;RawType&gt;()</c> for <paramref name="type"/>.</summary>
    public static TResult Visit<TResult>(DataViewType type, IRawTypeVisitor<TResult> visitor) => type is VectorDataViewType vector
        ? Dispatch(vector.ItemType.RawType, visitor, vector: true)
        : Dispatch(type.RawType, visitor, vector: false);

    private static TResult Dispatch<TResult>(Type item, IRawTypeVisitor<TResult> visitor, bool vector)
    {
        if (item == typeof(float)) return vector ? visitor.Visit<VBuffer<float>>() : visitor.Visit<float>();
        if (item == typeof(double)) return vector ? visitor.Visit<VBuffer<double>>() : visitor.Visit<double>();
        if (item == typeof(int)) return vector ? visitor.Visit<VBuffer<int>>() : visitor.Visit<int>();
        if (item == typeof(uint)) return vector ? visitor.Visit<VBuffer<uint>>() : visitor.Visit<uint>();
        if (item == typeof(byte)) return vector ? visitor.Visit<VBuffer<byte>>() : visitor.Visit<byte>();
        if (item == typeof(bool)) return vector ? visitor.Visit<VBuffer<bool>>() : visitor.Visit<bool>();
        if (item == typeof(ReadOnlyMemory<char>))
            return vector ? visitor.Visit<VBuffer<ReadOnlyMemory<char>>>() : visitor.Visit<ReadOnlyMemory<char>>();
        throw new NotSupportedException(
            $"Item type {item.Name} is not supported; use Single, Double, Int32, UInt32, Byte, Boolean, text or a key type.");
    }

    private sealed class VBufferTypeVisitor : IRawTypeVisitor<Type>
    {
        public static readonly VBufferTypeVisitor Instance = new();
        public Type Visit<T>() => typeof(VBuffer<T>);
    }
}
