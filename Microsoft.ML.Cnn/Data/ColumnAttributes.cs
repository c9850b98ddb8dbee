// The attributes ML.NET reads on row classes (names as in Microsoft.ML.Data): column name, vector shape, key count,
// exclusion, and text-file column position.
namespace Microsoft.ML.Cnn.Data;

/// <summary>Names the column a field or property maps to (default: the member's name).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ColumnNameAttribute(string name) : Attribute
{
    /// <summary>The column name.</summary>
    public string Name { get; } = name;
}

/// <summary>Declares an array member a known-size vector with these row-major dimensions, e.g. (3, 32, 32).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class VectorTypeAttribute(params int[] dimensions) : Attribute
{
    /// <summary>The dimensions; none means variable size.</summary>
    public int[] Dimensions { get; } = dimensions;
}

/// <summary>Declares a <see cref="uint"/> (or <see cref="byte"/>) member a key with <paramref name="count"/> categories.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class KeyTypeAttribute(ulong count) : Attribute
{
    /// <summary>The number of categories (keys 1..Count, 0 = missing).</summary>
    public ulong Count { get; } = count;
}

/// <summary>Excludes a member from the columns.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class NoColumnAttribute : Attribute;

/// <summary>The 0-based position of a member's field in a text file's line.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class LoadColumnAttribute(int columnIndex) : Attribute
{
    /// <summary>The 0-based field position.</summary>
    public int ColumnIndex { get; } = columnIndex;
}
