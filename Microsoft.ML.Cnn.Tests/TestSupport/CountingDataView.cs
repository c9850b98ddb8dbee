// A data view wrapper that records how it is read: cursors opened (with their active columns and whether they were
// shuffled) and how many values of one column were read, so tests can check that trainers stream.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal sealed class CountingDataView(IDataView inner, string countedColumn) : IDataView
{
    private long _valuesRead;

    /// <summary>The column whose reads are counted.</summary>
    public string CountedColumn { get; } = countedColumn;

    /// <summary>The active column names and whether a random order was asked for, per cursor opened.</summary>
    public List<(string[] Columns, bool Shuffled)> Cursors { get; } = [];

    /// <summary>Values of the counted column read so far (through any cursor).</summary>
    public long ValuesRead => Interlocked.Read(ref _valuesRead);

    public bool CanShuffle => inner.CanShuffle;

    public DataViewSchema Schema => inner.Schema;

    public long? GetRowCount() => inner.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null)
    {
        var columns = columnsNeeded.ToArray();
        lock (Cursors) Cursors.Add((columns.Select(c => c.Name).Order().ToArray(), rand is not null));
        return new Cursor(this, inner.GetRowCursor(columns, rand));
    }

    private sealed class Cursor(CountingDataView view, DataViewRowCursor inner) : DataViewRowCursor
    {
        public override DataViewSchema Schema => inner.Schema;
        public override long Position => inner.Position;
        public override bool IsColumnActive(DataViewSchema.Column column) => inner.IsColumnActive(column);
        public override bool MoveNext() => inner.MoveNext();

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column)
        {
            var getter = inner.GetGetter<TValue>(column);
            if (column.Name != view.CountedColumn) return getter;
            return (ref TValue value) =>
            {
                Interlocked.Increment(ref view._valuesRead);
                getter(ref value);
            };
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
        }
    }
}
