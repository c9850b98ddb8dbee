// The closed set of item types a data view column may hold, and a generic dispatch over them, so code that must be
// generic in a column's value type (caches, readers) gets a type argument without reflection.
namespace Microsoft.ML.Cnn.Data;

/// <summary>Code generic in a column's value type: a single item <c>T</c>, or a vector <c>VBuffer&lt;TItem&gt;</c>.</summary>
internal interface IRawTypeVisitor<out TResult>
{
    TResult VisitScalar<T>();
    TResult VisitVector<TItem>();
}

/// <summary>The supported item types and dispatch from a <see cref="DataViewType"/> to its raw type.</summary>
internal static class ItemTypes
{
    /// <summary>typeof(VBuffer&lt;T&gt;) for a supported item raw type.</summary>
    public static Type VBufferOf(Type item) => Dispatch(item, VBufferTypeVisitor.Instance, vector: false);

    /// <summary>Calls the visitor with <paramref name="type"/>'s item type (VisitVector for vectors, else VisitScalar).</summary>
    public static TResult Visit<TResult>(DataViewType type, IRawTypeVisitor<TResult> visitor) => type is VectorDataViewType vector
        ? Dispatch(vector.ItemType.RawType, visitor, vector: true)
        : Dispatch(type.RawType, visitor, vector: false);

    private static TResult Dispatch<TResult>(Type item, IRawTypeVisitor<TResult> visitor, bool vector)
    {
        if (item == typeof(float)) return vector ? visitor.VisitVector<float>() : visitor.VisitScalar<float>();
        if (item == typeof(double)) return vector ? visitor.VisitVector<double>() : visitor.VisitScalar<double>();
        if (item == typeof(int)) return vector ? visitor.VisitVector<int>() : visitor.VisitScalar<int>();
        if (item == typeof(uint)) return vector ? visitor.VisitVector<uint>() : visitor.VisitScalar<uint>();
        if (item == typeof(byte)) return vector ? visitor.VisitVector<byte>() : visitor.VisitScalar<byte>();
        if (item == typeof(bool)) return vector ? visitor.VisitVector<bool>() : visitor.VisitScalar<bool>();
        if (item == typeof(ReadOnlyMemory<char>))
            return vector ? visitor.VisitVector<ReadOnlyMemory<char>>() : visitor.VisitScalar<ReadOnlyMemory<char>>();
        throw new NotSupportedException(
            $"Item type {item.Name} is not supported; use Single, Double, Int32, UInt32, Byte, Boolean, text or a key type.");
    }

    private sealed class VBufferTypeVisitor : IRawTypeVisitor<Type>
    {
        public static readonly VBufferTypeVisitor Instance = new();
        public Type VisitScalar<T>() => typeof(VBuffer<T>);
        public Type VisitVector<TItem>() => throw new NotSupportedException("Vectors of vectors are not supported.");
    }
}
