// A data view that adds annotations to one column of another view (as an augmentation transform would), for tests
// of consumers that read annotations.
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
        foreach (var column in inner.Schema) builder.AddColumn(column.Name, column.Type, column.Name == columnName ? annotations : column.Annotations);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => _inner.CanShuffle;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _inner.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null) =>
        new Cursor(Schema, _inner.GetRowCursor(columnsNeeded.Select(c => _inner.Schema[c.Index]), rand));

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
