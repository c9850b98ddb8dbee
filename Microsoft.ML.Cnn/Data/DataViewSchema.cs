// A data view's columns (name, index, type, annotations), shaped like ML.NET's DataViewSchema: a later column with
// the same name hides an earlier one, and lookup by name finds the visible one.
using System.Collections;

namespace Microsoft.ML.Cnn.Data;

/// <summary>The ordered columns of a data view. Lookup by name returns the last column of that name.</summary>
public sealed partial class DataViewSchema : IReadOnlyList<DataViewSchema.Column>
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _visibleByName;

    private DataViewSchema(Column[] columns)
    {
        _columns = columns;
        _visibleByName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in columns) _visibleByName[column.Name] = column.Index;
    }

    /// <summary>A schema with no columns.</summary>
    public static DataViewSchema Empty { get; } = new([]);

    /// <summary>The number of columns, hidden ones included.</summary>
    public int Count => _columns.Length;

    /// <summary>The column at <paramref name="columnIndex"/>.</summary>
    public Column this[int columnIndex] => (uint)columnIndex < (uint)_columns.Length
        ? _columns[columnIndex]
        : throw new ArgumentOutOfRangeException(nameof(columnIndex), $"Column index {columnIndex} is outside 0..{_columns.Length - 1}.");

    /// <summary>The visible column named <paramref name="name"/>; the error lists the available names when there is none.</summary>
    public Column this[string name] => GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(name),
        $"No column named '{name}'. Available columns: {AvailableNames()}.");

    /// <summary>The visible column named <paramref name="name"/>, or null.</summary>
    public Column? GetColumnOrNull(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _visibleByName.TryGetValue(name, out int index) ? _columns[index] : null;
    }

    /// <inheritdoc/>
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => $"{Count} columns: {AvailableNames()}";

    internal string AvailableNames()
    {
        if (_columns.Length == 0) return "(none)";
        var parts = new List<string>(_columns.Length);
        foreach (var column in _columns) if (!column.IsHidden) parts.Add($"'{column.Name}' ({column.Type})");
        return string.Join(", ", parts);
    }

    /// <summary>One column: its position, name, type and annotations.</summary>
    public readonly struct Column
    {
        internal Column(string name, int index, bool isHidden, DataViewType type, Annotations annotations)
        {
            Name = name; Index = index; IsHidden = isHidden; Type = type; Annotations = annotations;
        }

        /// <summary>The column's name.</summary>
        public string Name { get; }

        /// <summary>The column's position in its schema.</summary>
        public int Index { get; }

        /// <summary>Whether a later column of the same name hides this one from lookup by name.</summary>
        public bool IsHidden { get; }

        /// <summary>The type of the column's values.</summary>
        public DataViewType Type { get; }

        /// <summary>Extra information about the column, such as slot names or key values.</summary>
        public Annotations Annotations { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Name} ({Index}): {Type}{(IsHidden ? " (hidden)" : "")}";
    }

    /// <summary>Builds a schema column by column.</summary>
    public sealed class Builder
    {
        private readonly List<(string Name, DataViewType Type, Annotations Annotations)> _columns = [];

        /// <summary>Adds a column; a name already present becomes hidden behind this one.</summary>
        public void AddColumn(string name, DataViewType type, Annotations? annotations = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(type);
            _columns.Add((name, type, annotations ?? Annotations.Empty));
        }

        /// <summary>Adds copies of <paramref name="columns"/> (name, type and annotations).</summary>
        public void AddColumns(IEnumerable<Column> columns)
        {
            foreach (var column in columns) AddColumn(column.Name, column.Type, column.Annotations);
        }

        /// <summary>The schema of the columns added so far.</summary>
        public DataViewSchema ToSchema()
        {
            var lastIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < _columns.Count; i++) lastIndex[_columns[i].Name] = i;
            var columns = new Column[_columns.Count];
            for (int i = 0; i < columns.Length; i++)
            {
                var (name, type, annotations) = _columns[i];
                columns[i] = new Column(name, i, lastIndex[name] != i, type, annotations);
            }
            return new DataViewSchema(columns);
        }
    }
}
