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

/// <summary>Where a member's values lie in a text file's line: one field, or an inclusive range of fields for a vector.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class LoadColumnAttribute : Attribute
{
    /// <summary>The member reads field <paramref name="fieldIndex"/> (0-based).</summary>
    public LoadColumnAttribute(int fieldIndex) : this(fieldIndex, fieldIndex) { }

    /// <summary>The (array) member reads fields <paramref name="start"/> through <paramref name="end"/>, inclusive.</summary>
    public LoadColumnAttribute(int start, int end)
    {
        if (start < 0 || end < start)
            throw new ArgumentOutOfRangeException(nameof(end), $"LoadColumn needs 0 <= start <= end; got {start}..{end}.");
        Start = start;
        End = end;
    }

    /// <summary>The first field (0-based).</summary>
    public int Start { get; }

    /// <summary>The last field, inclusive.</summary>
    public int End { get; }
}
