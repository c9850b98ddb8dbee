// The lazy view a RowToRowTransformerBase returns: the input columns, then the mapped ones. A cursor activates only the
// input columns that requested columns need and builds each mapped getter once.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Transforms;

/// <summary>A source view with mapped columns appended.</summary>
internal sealed class MappedDataView : IDataView
{
    private readonly IDataView _source;
    private readonly IReadOnlyList<MappedColumn> _mapped;

    public MappedDataView(IDataView source, IReadOnlyList<MappedColumn> mapped)
    {
        _source = source;
        _mapped = mapped;
        Schema = OutputSchema(source.Schema, mapped);
    }

    public static DataViewSchema OutputSchema(DataViewSchema input, IReadOnlyList<MappedColumn> mapped)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        foreach (var column in mapped) builder.AddColumn(column.Name, column.Type, column.Annotations);
        return builder.ToSchema();
    }

    public bool CanShuffle => _source.CanShuffle;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null)
    {
        var active = ActiveColumns.From(Schema, columnsNeeded);
        int inputCount = _source.Schema.Count;
        var sourceActive = new bool[inputCount];
        for (int i = 0; i < active.Length; i++)
        {
            if (!active[i]) continue;
            if (i < inputCount) sourceActive[i] = true;
            else foreach (var input in _mapped[i - inputCount].Inputs) sourceActive[input.Index] = true;
        }
        var sourceColumns = new List<DataViewSchema.Column>();
        for (int i = 0; i < inputCount; i++) if (sourceActive[i]) sourceColumns.Add(_source.Schema[i]);
        return new Cursor(this, _source.GetRowCursor(sourceColumns, rand), active);
    }

    private sealed class Cursor(MappedDataView view, DataViewRowCursor inner, bool[] active) : DataViewRowCursor
    {
        private readonly Delegate?[] _getters = new Delegate?[view._mapped.Count];

        public override DataViewSchema Schema => view.Schema;
        public override long Position => inner.Position;
        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];
        public override bool MoveNext() => inner.MoveNext();

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column)
        {
            int inputCount = inner.Schema.Count;
            if (column.Index < inputCount) return inner.GetGetter<TValue>(inner.Schema[column.Index]);
            int mapped = column.Index - inputCount;
            return (ValueGetter<TValue>)(_getters[mapped] ??= view._mapped[mapped].CreateGetter(inner));
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
        }
    }
}
