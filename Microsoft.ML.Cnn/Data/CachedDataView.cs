// Data.Cache's view: reads every column of its source into memory on the first cursor, then serves any order
// (so it can shuffle) without reading the source again.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Data;

/// <summary>A data view whose rows are read from the source once, on first use, and kept in memory.</summary>
internal sealed class CachedDataView : IDataView
{
    private readonly IDataView _source;
    private readonly Lazy<(ColumnStore[] Columns, int RowCount)> _cache;

    public CachedDataView(IDataView source)
    {
        _source = source;
        _cache = new Lazy<(ColumnStore[], int)>(Fill, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool CanShuffle => true;

    public DataViewSchema Schema => _source.Schema;

    public long? GetRowCount() => _cache.IsValueCreated ? _cache.Value.RowCount : _source.GetRowCount();

    /// <summary>A cursor in source order, or in a uniformly shuffled order drawn from <paramref name="rand"/>.</summary>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null)
    {
        var active = ActiveColumns.From(Schema, columnsNeeded);
        var (columns, rowCount) = _cache.Value;
        int[]? order = null;
        if (rand != null)
        {
            order = new int[rowCount];
            for (int i = 0; i < rowCount; i++) order[i] = i;
            rand.Shuffle(order);
        }
        return new Cursor(Schema, columns, rowCount, order, active);
    }

    private (ColumnStore[], int) Fill()
    {
        var columns = new ColumnStore[Schema.Count];
        var appenders = new Action[Schema.Count];
        using var cursor = _source.GetRowCursor(Schema);
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = ColumnStore.For(Schema[i].Type);
            appenders[i] = columns[i].CreateAppender(cursor, Schema[i]);
        }
        int rows = 0;
        while (cursor.MoveNext())
        {
            if (rows == int.MaxValue) throw new InvalidOperationException($"A cache holds at most {int.MaxValue} rows.");
            foreach (var append in appenders) append();
            rows++;
        }
        return (columns, rows);
    }

    private sealed class Cursor(DataViewSchema schema, ColumnStore[] columns, int rowCount, int[]? order, bool[] active) : DataViewRowCursor
    {
        private long _position = -1;
        private bool _done;

        public override DataViewSchema Schema => schema;
        public override long Position => _position;
        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override bool MoveNext()
        {
            if (_done || _position + 1 >= rowCount)
            {
                _done = true;
                return false;
            }
            _position++;
            return true;
        }

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column) =>
            (ValueGetter<TValue>)columns[column.Index].CreateGetter(RowIndex);

        private int RowIndex()
        {
            if (_position < 0 || _done)
                throw new InvalidOperationException(_done ? "The cursor has passed the last row." : "The cursor is not on a row yet: call MoveNext first.");
            return order == null ? (int)_position : order[_position];
        }
    }
}
