// A one-column in-memory data view with a caller-built schema, for types LoadFromEnumerable cannot express.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal sealed class SingleColumnView<T>(DataViewSchema schema, T[] values) : IDataView
{
    public bool CanShuffle => false;
    public DataViewSchema Schema => schema;
    public long? GetRowCount() => values.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null) =>
        new Cursor(schema, values, columnsNeeded.Any());

    private sealed class Cursor(DataViewSchema schema, T[] values, bool active) : DataViewRowCursor
    {
        private long _position = -1;
        public override DataViewSchema Schema => schema;
        public override long Position => _position;
        public override bool IsColumnActive(DataViewSchema.Column column) => active;
        public override bool MoveNext() => ++_position < values.Length;

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column) =>
            (ValueGetter<TValue>)(object)(ValueGetter<T>)((ref T value) => value = values[_position]);
    }
}
