// A view over rows held in memory and read by index (the image folder listing, a decoded IDX file): each column
// computes its value from the row index when asked, so nothing per row is built until a cursor reads it, and any
// order (a shuffle) costs nothing.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Data;

/// <summary>A fixed number of rows whose column values come from functions of the row index.</summary>
internal sealed class IndexedDataView : IDataView
{
    private readonly int _rowCount;
    private readonly IndexedColumn[] _columns;

    public IndexedDataView(int rowCount, params IndexedColumn[] columns)
    {
        _rowCount = rowCount;
        _columns = columns;
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns) builder.AddColumn(column.Name, column.Type, column.Annotations);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => true;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rowCount;

    /// <summary>A cursor in index order, or in a uniformly shuffled order drawn from <paramref name="rand"/>.</summary>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null)
    {
        var active = ActiveColumns.From(Schema, columnsNeeded);
        int[]? order = null;
        if (rand != null)
        {
            order = new int[_rowCount];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            rand.Shuffle(order);
        }
        return new Cursor(this, order, active);
    }

    private sealed class Cursor(IndexedDataView view, int[]? order, bool[] active) : DataViewRowCursor
    {
        private long _position = -1;
        private bool _done;

        public override DataViewSchema Schema => view.Schema;
        public override long Position => _position;
        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override bool MoveNext()
        {
            if (_done || _position + 1 >= view._rowCount)
            {
                _done = true;
                return false;
            }
            _position++;
            return true;
        }

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column) =>
            (ValueGetter<TValue>)view._columns[column.Index].CreateGetter(RowIndex);

        private int RowIndex()
        {
            if (_position < 0 || _done)
                throw new InvalidOperationException(_done ? "The cursor has passed the last row." : "The cursor is not on a row yet: call MoveNext first.");
            return order == null ? (int)_position : order[_position];
        }
    }
}

/// <summary>One column of an <see cref="IndexedDataView"/>: its getter reads the value of the row a function returns.</summary>
internal sealed class IndexedColumn
{
    private readonly Func<Func<int>, Delegate> _createGetter;

    private IndexedColumn(string name, DataViewType type, DataViewSchema.Annotations? annotations, Func<Func<int>, Delegate> createGetter)
    {
        Name = name; Type = type; Annotations = annotations; _createGetter = createGetter;
    }

    /// <summary>
    /// A column of <paramref name="type"/> whose value for row <c>i</c> a reader writes; <paramref name="createReader"/>
    /// makes one reader per getter, so a reader may keep scratch buffers.
    /// </summary>
    public static IndexedColumn Create<TValue>(string name, DataViewType type, DataViewSchema.Annotations? annotations, Func<IndexedRead<TValue>> createReader)
    {
        if (type.RawType != typeof(TValue)) throw new ArgumentException($"Column '{name}' of type {type} is read as {type.RawType.Name}, not {typeof(TValue).Name}.");
        return new IndexedColumn(name, type, annotations, rowIndex =>
        {
            var read = createReader();
            return (ValueGetter<TValue>)((ref TValue value) => read(rowIndex(), ref value));
        });
    }

    public string Name { get; }

    public DataViewType Type { get; }

    public DataViewSchema.Annotations? Annotations { get; }

    public Delegate CreateGetter(Func<int> rowIndex) => _createGetter(rowIndex);
}

/// <summary>Writes row <paramref name="row"/>'s value into <paramref name="value"/> (reusing its buffers when it can).</summary>
internal delegate void IndexedRead<TValue>(int row, ref TValue value);
