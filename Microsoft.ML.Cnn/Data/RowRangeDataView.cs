// TakeRows / SkipRows: the source rows from a position on, at most a count of them, read lazily (the source is not
// read past the last row taken).
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Data;

/// <summary>Rows <c>skip</c> .. <c>skip + take - 1</c> of a source, in source order.</summary>
internal sealed class RowRangeDataView(IDataView source, long skip, long take) : IDataView
{
    // Positions refer to the source order, so the source is never asked to shuffle.
    public bool CanShuffle => false;

    public DataViewSchema Schema => source.Schema;

    public long? GetRowCount() => source.GetRowCount() is { } count ? Math.Clamp(count - skip, 0, take) : null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null)
    {
        var active = ActiveColumns.From(Schema, columnsNeeded);
        var columns = new List<DataViewSchema.Column>();
        for (int i = 0; i < active.Length; i++) if (active[i]) columns.Add(Schema[i]);
        return new Cursor(source.GetRowCursor(columns), skip, take, active);
    }

    private sealed class Cursor(DataViewRowCursor inner, long skip, long take, bool[] active) : DataViewRowCursor
    {
        private long _position = -1;
        private bool _skipped;

        public override DataViewSchema Schema => inner.Schema;
        public override long Position => _position;
        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override bool MoveNext()
        {
            if (_position + 1 >= take) return false;
            if (!_skipped)
            {
                _skipped = true;
                for (long i = 0; i < skip; i++) if (!inner.MoveNext()) return false;
            }
            if (!inner.MoveNext()) return false;
            _position++;
            return true;
        }

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column) => inner.GetGetter<TValue>(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
        }
    }
}
