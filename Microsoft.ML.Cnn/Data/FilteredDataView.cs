// A view keeping the source rows a per-cursor predicate accepts; the predicate may read columns the caller did not ask for.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Data;

/// <summary>
/// The rows of a source for which a predicate holds. <c>createPredicate</c> is called once per cursor with the source
/// cursor (on which <c>predicateColumns</c> are active) and returns the test for its current row.
/// </summary>
internal sealed class FilteredDataView(
    IDataView source, DataViewSchema.Column[] predicateColumns, Func<DataViewRowCursor, Func<bool>> createPredicate) : IDataView
{
    // Never passes a random order to the source: position-based filters (splits) need the source order.
    public bool CanShuffle => false;

    public DataViewSchema Schema => source.Schema;

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null)
    {
        var active = ActiveColumns.From(Schema, columnsNeeded);
        var sourceColumns = new List<DataViewSchema.Column>(predicateColumns);
        for (int i = 0; i < active.Length; i++) if (active[i]) sourceColumns.Add(Schema[i]);
        var inner = source.GetRowCursor(sourceColumns);
        return new Cursor(inner, createPredicate(inner), active);
    }

    private sealed class Cursor(DataViewRowCursor inner, Func<bool> keep, bool[] active) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => inner.Schema;
        public override long Position => _position;
        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override bool MoveNext()
        {
            while (inner.MoveNext())
            {
                if (!keep()) continue;
                _position++;
                return true;
            }
            return false;
        }

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column) => inner.GetGetter<TValue>(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
        }
    }
}
