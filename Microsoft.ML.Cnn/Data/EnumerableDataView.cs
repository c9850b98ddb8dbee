// LoadFromEnumerable's view: rows are the caller's objects, read through compiled member accessors; each cursor
// enumerates the source again, starting only when it first moves.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Data;

/// <summary>A data view over an <see cref="IEnumerable{T}"/> of row objects (not copied, enumerated per cursor).</summary>
internal sealed class EnumerableDataView<TRow> : IDataView where TRow : class
{
    private readonly IEnumerable<TRow> _source;
    private readonly MemberColumn<TRow>[] _members;

    public EnumerableDataView(IEnumerable<TRow> source, MemberColumn<TRow>[] members)
    {
        _source = source;
        _members = members;
        var builder = new DataViewSchema.Builder();
        foreach (var member in members) builder.AddColumn(member.Name, member.Type);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _source is IReadOnlyCollection<TRow> collection ? collection.Count : null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null) =>
        new Cursor(this, ActiveColumns.From(Schema, columnsNeeded));

    private sealed class Cursor(EnumerableDataView<TRow> view, bool[] active) : DataViewRowCursor
    {
        private IEnumerator<TRow>? _rows;
        private TRow? _current;
        private long _position = -1;
        private bool _done;

        public override DataViewSchema Schema => view.Schema;
        public override long Position => _position;
        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override bool MoveNext()
        {
            if (_done) return false;
            _rows ??= view._source.GetEnumerator();
            if (!_rows.MoveNext())
            {
                _done = true;
                _current = null;
                return false;
            }
            _position++;
            _current = _rows.Current ?? throw new InvalidOperationException($"Row {_position} of the enumerable is null; every row must be an object.");
            return true;
        }

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column) =>
            (ValueGetter<TValue>)view._members[column.Index].CreateGetter(CurrentRow);

        private TRow CurrentRow() => _current ?? throw new InvalidOperationException(
            _done ? "The cursor has passed the last row." : "The cursor is not on a row yet: call MoveNext first.");

        protected override void Dispose(bool disposing)
        {
            if (disposing) _rows?.Dispose();
            _rows = null;
            _current = null;
            _done = true;
        }
    }
}
