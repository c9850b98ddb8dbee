// The one place that reflects over a user's row class (inherent to LoadFromEnumerable/CreateEnumerable, as in ML.NET):
// it reads member attributes and compiles typed accessors once per row type.
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.ML.Cnn.Images;

namespace Microsoft.ML.Cnn.Data;

/// <summary>Describes a row class's members as columns and binds typed accessors to them.</summary>
internal static class RowTypeMembers
{
    /// <summary>The column mapping of <paramref name="rowType"/>'s public instance fields and properties.</summary>
    public static SchemaDefinition Describe(Type rowType)
    {
        ArgumentNullException.ThrowIfNull(rowType);
        var definition = new SchemaDefinition();
        foreach (var member in PublicMembers(rowType))
        {
            if (member.GetCustomAttribute<NoColumnAttribute>() != null) continue;
            string name = member.GetCustomAttribute<ColumnNameAttribute>()?.Name ?? member.Name;
            definition.Add(new SchemaDefinition.Column(member.Name, name, NaturalType(rowType, member)));
        }
        return definition;
    }

    /// <summary>The <see cref="LoadColumnAttribute"/> of each mapped member, by member name; fails naming a member without one.</summary>
    public static Dictionary<string, LoadColumnAttribute> LoadColumns(Type rowType)
    {
        var result = new Dictionary<string, LoadColumnAttribute>(StringComparer.Ordinal);
        foreach (var member in PublicMembers(rowType))
        {
            if (member.GetCustomAttribute<NoColumnAttribute>() != null) continue;
            result[member.Name] = member.GetCustomAttribute<LoadColumnAttribute>() ?? throw new ArgumentException(
                $"Member {rowType.Name}.{member.Name} has no [LoadColumn(index)] saying which field of the text file it reads; add one or mark it [NoColumn].");
        }
        return result;
    }

    /// <summary>Typed accessors for every column of <paramref name="definition"/>.</summary>
    public static MemberColumn<TRow>[] Bind<TRow>(SchemaDefinition definition) where TRow : class
    {
        var columns = new MemberColumn<TRow>[definition.Count];
        for (int i = 0; i < columns.Length; i++)
        {
            var column = definition[i];
            var member = PublicMembers(typeof(TRow)).FirstOrDefault(m => m.Name == column.MemberName) ?? throw new ArgumentException(
                $"Schema definition column '{column.ColumnName}' names member '{column.MemberName}', which {typeof(TRow).Name} does not have as a public field or property.");
            var natural = NaturalType(typeof(TRow), member);
            if (column.ColumnType.RawType != natural.RawType)
                throw new ArgumentException($"Column '{column.ColumnName}' is declared {column.ColumnType}, which does not fit member " +
                    $"{typeof(TRow).Name}.{member.Name} of type {MemberType(member).Name} (it reads as {natural.RawType.Name}).");
            columns[i] = Create<TRow>(column.ColumnName, column.ColumnType, member);
        }
        return columns;
    }

    private static MemberColumn<TRow> Create<TRow>(string name, DataViewType type, MemberInfo member) where TRow : class
    {
        Type t = MemberType(member);
        if (t == typeof(float)) return new ScalarMember<TRow, float>(name, type, Get<TRow, float>(member), Set<TRow, float>(member));
        if (t == typeof(double)) return new ScalarMember<TRow, double>(name, type, Get<TRow, double>(member), Set<TRow, double>(member));
        if (t == typeof(int)) return new ScalarMember<TRow, int>(name, type, Get<TRow, int>(member), Set<TRow, int>(member));
        if (t == typeof(uint)) return new ScalarMember<TRow, uint>(name, type, Get<TRow, uint>(member), Set<TRow, uint>(member));
        if (t == typeof(byte)) return new ScalarMember<TRow, byte>(name, type, Get<TRow, byte>(member), Set<TRow, byte>(member));
        if (t == typeof(bool)) return new ScalarMember<TRow, bool>(name, type, Get<TRow, bool>(member), Set<TRow, bool>(member));
        if (t == typeof(string)) return new TextMember<TRow>(name, type, Get<TRow, string?>(member), Set<TRow, string?>(member));
        if (t == typeof(float[])) return new ArrayMember<TRow, float>(name, type, Get<TRow, float[]?>(member), Set<TRow, float[]?>(member));
        if (t == typeof(double[])) return new ArrayMember<TRow, double>(name, type, Get<TRow, double[]?>(member), Set<TRow, double[]?>(member));
        if (t == typeof(int[])) return new ArrayMember<TRow, int>(name, type, Get<TRow, int[]?>(member), Set<TRow, int[]?>(member));
        if (t == typeof(uint[])) return new ArrayMember<TRow, uint>(name, type, Get<TRow, uint[]?>(member), Set<TRow, uint[]?>(member));
        if (t == typeof(byte[])) return new ArrayMember<TRow, byte>(name, type, Get<TRow, byte[]?>(member), Set<TRow, byte[]?>(member));
        if (t == typeof(bool[])) return new ArrayMember<TRow, bool>(name, type, Get<TRow, bool[]?>(member), Set<TRow, bool[]?>(member));
        if (t == typeof(string[])) return new TextArrayMember<TRow>(name, type, Get<TRow, string[]?>(member), Set<TRow, string[]?>(member));
        if (t == typeof(VBuffer<float>)) return VBufferMember<TRow, float>(name, type, member);
        if (t == typeof(VBuffer<double>)) return VBufferMember<TRow, double>(name, type, member);
        if (t == typeof(VBuffer<int>)) return VBufferMember<TRow, int>(name, type, member);
        if (t == typeof(VBuffer<uint>)) return VBufferMember<TRow, uint>(name, type, member);
        if (t == typeof(VBuffer<byte>)) return VBufferMember<TRow, byte>(name, type, member);
        if (t == typeof(VBuffer<bool>)) return VBufferMember<TRow, bool>(name, type, member);
        if (t == typeof(VBuffer<ReadOnlyMemory<char>>)) return VBufferMember<TRow, ReadOnlyMemory<char>>(name, type, member);
        if (t == typeof(MLImage)) return new ScalarMember<TRow, MLImage>(name, type, Get<TRow, MLImage>(member), Set<TRow, MLImage>(member));
        throw Unsupported(typeof(TRow), member);
    }

    private static VBufferMember<TRow, T> VBufferMember<TRow, T>(string name, DataViewType type, MemberInfo member) where TRow : class =>
        new(name, type, Get<TRow, VBuffer<T>>(member), Set<TRow, VBuffer<T>>(member));

    private static DataViewType NaturalType(Type rowType, MemberInfo member)
    {
        Type t = MemberType(member);
        var key = member.GetCustomAttribute<KeyTypeAttribute>();
        if (key != null)
        {
            if (t != typeof(uint) && t != typeof(byte))
                throw new NotSupportedException($"[KeyType] on {rowType.Name}.{member.Name} needs a uint or byte member, not {t.Name}.");
            return new KeyDataViewType(t, key.Count);
        }
        if (t.IsArray && t.GetArrayRank() == 1 && t.GetElementType() is { } element && ItemType(element) is { } item)
            return new VectorDataViewType(item, member.GetCustomAttribute<VectorTypeAttribute>()?.Dimensions ?? []);
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(VBuffer<>) && BufferItemType(t.GetGenericArguments()[0]) is { } bufferItem)
            return new VectorDataViewType(bufferItem, member.GetCustomAttribute<VectorTypeAttribute>()?.Dimensions ?? []);
        if (t == typeof(MLImage)) return new ImageDataViewType();
        if (member.GetCustomAttribute<VectorTypeAttribute>() != null)
            throw new NotSupportedException($"[VectorType] on {rowType.Name}.{member.Name} needs an array or VBuffer member, not {t.Name}.");
        return ItemType(t) ?? throw Unsupported(rowType, member);
    }

    private static PrimitiveDataViewType? ItemType(Type t) =>
        t == typeof(float) ? NumberDataViewType.Single
        : t == typeof(double) ? NumberDataViewType.Double
        : t == typeof(int) ? NumberDataViewType.Int32
        : t == typeof(uint) ? NumberDataViewType.UInt32
        : t == typeof(byte) ? NumberDataViewType.Byte
        : t == typeof(bool) ? BooleanDataViewType.Instance
        : t == typeof(string) ? TextDataViewType.Instance
        : null;

    /// <summary>A VBuffer's item type: as for arrays, except text items are ReadOnlyMemory&lt;char&gt; (the raw type), not string.</summary>
    private static PrimitiveDataViewType? BufferItemType(Type t) =>
        t == typeof(ReadOnlyMemory<char>) ? TextDataViewType.Instance : t == typeof(string) ? null : ItemType(t);

    private static NotSupportedException Unsupported(Type rowType, MemberInfo member) => new(
        $"Member {rowType.Name}.{member.Name} has type {MemberType(member).Name}; supported: float, double, int, uint, byte, bool, " +
        "string, one-dimensional arrays or VBuffers of them, and MLImage. Mark other members [NoColumn].");

    private static IEnumerable<MemberInfo> PublicMembers(Type rowType) =>
        rowType.GetFields(BindingFlags.Public | BindingFlags.Instance).Cast<MemberInfo>()
            .Concat(rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0));

    private static Type MemberType(MemberInfo member) => member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;

    private static Func<TRow, TValue> Get<TRow, TValue>(MemberInfo member)
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        return Expression.Lambda<Func<TRow, TValue>>(Expression.MakeMemberAccess(row, member), row).Compile();
    }

    private static Action<TRow, TValue>? Set<TRow, TValue>(MemberInfo member)
    {
        bool writable = member is FieldInfo f ? !f.IsInitOnly : ((PropertyInfo)member).SetMethod is { IsPublic: true };
        if (!writable) return null;
        var row = Expression.Parameter(typeof(TRow), "row");
        var value = Expression.Parameter(typeof(TValue), "value");
        return Expression.Lambda<Action<TRow, TValue>>(Expression.Assign(Expression.MakeMemberAccess(row, member), value), row, value).Compile();
    }
}
