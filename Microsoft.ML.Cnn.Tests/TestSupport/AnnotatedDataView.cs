// A view over another view that gives one column annotations (e.g. SlotNames on Score, KeyValues on a key label)
// and records which columns each cursor asked for, so tests can check that a reader streams only what it needs.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal sealed class AnnotatedDataView : IDataView
{
    private readonly IDataView _inner;

    public AnnotatedDataView(IDataView inner, string columnName, DataViewSchema.Annotations annotations)
    {
        _inner = inner;
        var builder = new DataViewSchema.Builder();
        foreach (var column in inner.Schema)
            builder.AddColumn(column.Name, column.Type, column.Name == columnName ? annotations : column.Annotations);
        Schema = builder.ToSchema();
    }

    /// <summary>A pass-through view that only records cursor requests.</summary>
    public AnnotatedDataView(IDataView inner) : this(inner, "", DataViewSchema.Annotations.Empty) { }

    /// <summary>The active column names of every cursor created, in order.</summary>
    public List<string[]> CursorRequests { get; } = [];

    public bool CanShuffle => _inner.CanShuffle;
    public DataViewSchema Schema { get; }
    public long? GetRowCount() => _inner.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        CursorRequests.Add(needed.Select(c => c.Name).ToArray());
        return new Cursor(Schema, _inner.GetRowCursor(needed.Select(c => _inner.Schema[c.Index]), rand));
    }

    /// <summary>A SlotNames annotation holding <paramref name="names"/>.</summary>
    public static DataViewSchema.Annotations SlotNames(params string[] names)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.AddSlotNames(names.Length, (ref VBuffer<ReadOnlyMemory<char>> value) => value = Text(names));
        return builder.ToAnnotations();
    }

    /// <summary>A text KeyValues annotation holding <paramref name="values"/> (value i names key i + 1).</summary>
    public static DataViewSchema.Annotations KeyValues(params string[] values)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.AddKeyValues(values.Length, TextDataViewType.Instance, (ref VBuffer<ReadOnlyMemory<char>> value) => value = Text(values));
        return builder.ToAnnotations();
    }

    private static VBuffer<ReadOnlyMemory<char>> Text(string[] values) => new(values.Select(v => v.AsMemory()).ToArray());

    private sealed class Cursor(DataViewSchema schema, DataViewRowCursor inner) : DataViewRowCursor
    {
        public override DataViewSchema Schema => schema;
        public override long Position => inner.Position;
        public override bool IsColumnActive(DataViewSchema.Column column) => inner.IsColumnActive(inner.Schema[column.Index]);
        public override bool MoveNext() => inner.MoveNext();
        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column) => inner.GetGetter<TValue>(inner.Schema[column.Index]);

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
        }
    }
}
