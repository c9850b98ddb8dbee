// Data.Cache's view: reads the columns its cursors ask for from the source once, on first use, then serves any
// order (so it can shuffle) without reading the source again. Columns no cursor asks for are never stored, so a
// pipeline caching pixel features does not also hold the decoded images they came from.
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Data;

/// <summary>A data view whose rows are read from the source on first use, column by column as asked for, and kept in memory.</summary>
internal sealed class CachedDataView : IDataView
{
    private readonly IDataView _source;
    private readonly ColumnStore?[] _columns;
    private readonly object _fillLock = new();
    private int _rowCount = -1;

    public CachedDataView(IDataView source)
    {
        _source = source;
        _columns = new ColumnStore?[source.Schema.Count];
    }

    public bool CanShuffle => true;

    public DataViewSchema Schema => _source.Schema;

    public long? GetRowCount() => Volatile.Read(ref _rowCount) >= 0 ? _rowCount : _source.GetRowCount();

    /// <summary>A cursor in source order, or in a uniformly shuffled order drawn from <paramref name="rand"/>.</summary>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null)
    {
        var active = ActiveColumns.From(Schema, columnsNeeded);
        var (columns, rowCount) = Fill(active);
        int[]? order = null;
        if (rand != null)
        {
            order = new int[rowCount];
            for (int i = 0; i < rowCount; i++) order[i] = i;
            rand.Shuffle(order);
        }
        return new Cursor(Schema, columns, rowCount, order, active);
    }

    /// <summary>
    /// Reads the active columns not stored yet in one pass over the source (the first pass also fixes the row count;
    /// a later pass that finds another count means the source is not deterministic, which a cache cannot serve).
    /// </summary>
    private (ColumnStore?[] Columns, int RowCount) Fill(bool[] active)
    {
        lock (_fillLock)
        {
            var missing = new List<int>();
            for (int i = 0; i < active.Length; i++)
                if (active[i] && _columns[i] is null) missing.Add(i);
            if (missing.Count == 0 && _rowCount >= 0) return ((ColumnStore?[])_columns.Clone(), _rowCount);

            using var cursor = _source.GetRowCursor(missing.Select(i => Schema[i]));
            var stores = new ColumnStore[missing.Count];
            var appenders = new Action[missing.Count];
            for (int k = 0; k < missing.Count; k++)
            {
                stores[k] = StoreFor(Schema[missing[k]]);
                appenders[k] = stores[k].CreateAppender(cursor, Schema[missing[k]]);
            }
            int rows = 0;
            while (cursor.MoveNext())
            {
                if (rows == int.MaxValue) throw new InvalidOperationException($"A cache holds at most {int.MaxValue} rows.");
                foreach (var append in appenders) append();
                rows++;
            }
            if (_rowCount >= 0 && rows != _rowCount)
                throw new InvalidOperationException($"The cached data gave {_rowCount} rows at first and {rows} when more columns were read; a cache needs a source that returns the same rows each time.");
            for (int k = 0; k < missing.Count; k++) _columns[missing[k]] = stores[k];
            Volatile.Write(ref _rowCount, rows);
            return ((ColumnStore?[])_columns.Clone(), rows);
        }
    }

    private static ColumnStore StoreFor(DataViewSchema.Column column) => column.Type is ImageDataViewType
        ? ColumnStore.ForImmutableReferences<MLImage>()
        : ColumnStore.For(column.Type);

    private sealed class Cursor(DataViewSchema schema, ColumnStore?[] columns, int rowCount, int[]? order, bool[] active) : DataViewRowCursor
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
            (ValueGetter<TValue>)columns[column.Index]!.CreateGetter(RowIndex);

        private int RowIndex()
        {
            if (_position < 0 || _done)
                throw new InvalidOperationException(_done ? "The cursor has passed the last row." : "The cursor is not on a row yet: call MoveNext first.");
            return order == null ? (int)_position : order[_position];
        }
    }
}
