// ML.NET's SchemaShape: what an estimator knows of a schema before data exists (names, vector kind, item type, key-ness,
// annotation kinds), so pipelines are validated without reading rows.
using System.Collections;
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Pipeline;

/// <summary>The visible columns of a schema, each reduced to a <see cref="Column"/>.</summary>
public sealed class SchemaShape : IReadOnlyList<SchemaShape.Column>
{
    private readonly Column[] _columns;

    /// <summary>A shape of <paramref name="columns"/>.</summary>
    public SchemaShape(IEnumerable<Column> columns) => _columns = [.. columns];

    /// <summary>Whether a column is a scalar, a known-size vector or a variable-size vector.</summary>
    public enum VectorKind
    {
        /// <summary>One item per row.</summary>
        Scalar,
        /// <summary>A vector of the same size in every row.</summary>
        Vector,
        /// <summary>A vector whose size varies between rows.</summary>
        VariableVector,
    }

    /// <summary>One column's shape. For key columns <see cref="ItemType"/> is the key's raw number type and <see cref="IsKey"/> is true.</summary>
    public readonly struct Column
    {
        /// <summary>Creates a column shape; <paramref name="annotations"/> lists annotation kinds as columns.</summary>
        public Column(string name, VectorKind kind, DataViewType itemType, bool isKey, SchemaShape? annotations = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(itemType);
            if (itemType is VectorDataViewType or KeyDataViewType)
                throw new ArgumentException($"Item type of column '{name}' must be a primitive non-key type (keys set isKey), not {itemType}.", nameof(itemType));
            Name = name; Kind = kind; ItemType = itemType; IsKey = isKey; Annotations = annotations ?? new SchemaShape([]);
        }

        /// <summary>The column's name.</summary>
        public string Name { get; }

        /// <summary>Scalar, vector or variable vector.</summary>
        public VectorKind Kind { get; }

        /// <summary>The type of one item (for keys, its raw number type).</summary>
        public DataViewType ItemType { get; }

        /// <summary>Whether the items are keys.</summary>
        public bool IsKey { get; }

        /// <summary>The column's annotations, one column per kind.</summary>
        public SchemaShape Annotations { get; }

        /// <summary>The type as ML.NET writes it: <c>Single</c>, <c>Key&lt;UInt32&gt;</c>, <c>Vector&lt;Single&gt;</c>, <c>VarVector&lt;String&gt;</c>.</summary>
        public string GetTypeString()
        {
            string item = IsKey ? $"Key<{ItemType.RawType.Name}>" : ItemType.ToString()!;
            return Kind switch
            {
                VectorKind.Vector => $"Vector<{item}>",
                VectorKind.VariableVector => $"VarVector<{item}>",
                _ => item,
            };
        }

        /// <summary>Whether name, kind, item type, key-ness and annotation kinds all match.</summary>
        public bool IsSameAs(Column other)
        {
            if (Name != other.Name || Kind != other.Kind || !ItemType.Equals(other.ItemType) || IsKey != other.IsKey) return false;
            if (Annotations.Count != other.Annotations.Count) return false;
            foreach (var annotation in Annotations)
                if (!other.Annotations.TryFindColumn(annotation.Name, out var match) || !annotation.IsSameAs(match)) return false;
            return true;
        }

        /// <inheritdoc/>
        public override string ToString() => $"{Name}: {GetTypeString()}";
    }

    /// <summary>The number of columns.</summary>
    public int Count => _columns.Length;

    /// <summary>The column at <paramref name="index"/>.</summary>
    public Column this[int index] => _columns[index];

    /// <summary>Finds the column named <paramref name="name"/>.</summary>
    public bool TryFindColumn(string name, out Column column)
    {
        foreach (var candidate in _columns)
            if (candidate.Name == name) { column = candidate; return true; }
        column = default;
        return false;
    }

    /// <summary>The shape of the visible columns of <paramref name="schema"/> (annotations included, one level).</summary>
    public static SchemaShape Create(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var columns = new List<Column>();
        foreach (var column in schema)
            if (!column.IsHidden) columns.Add(Describe(column.Name, column.Type, Create(column.Annotations.Schema)));
        return new SchemaShape(columns);
    }

    /// <summary>The shape of a column named <paramref name="name"/> of <paramref name="type"/>.</summary>
    public static Column Describe(string name, DataViewType type, SchemaShape? annotations = null)
    {
        var kind = VectorKind.Scalar;
        if (type is VectorDataViewType vector)
        {
            kind = vector.IsKnownSize ? VectorKind.Vector : VectorKind.VariableVector;
            type = vector.ItemType;
        }
        bool isKey = type is KeyDataViewType;
        var itemType = isKey ? (type.RawType == typeof(byte) ? NumberDataViewType.Byte : NumberDataViewType.UInt32) : type;
        return new Column(name, kind, itemType, isKey, annotations);
    }

    /// <summary>The column names and types, for error messages.</summary>
    internal string AvailableNames() =>
        _columns.Length == 0 ? "(none)" : string.Join(", ", Array.ConvertAll(_columns, c => $"'{c.Name}' ({c.GetTypeString()})"));

    /// <inheritdoc/>
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", _columns);
}
