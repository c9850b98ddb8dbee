// A data view with a schema and no rows, for APIs that read only a schema from their data argument (ConvertToOnnx).
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Mlcnn.Pipelines;

/// <summary>No rows, the given schema.</summary>
internal sealed class SchemaOnlyDataView(DataViewSchema schema) : IDataView
{
    public bool CanShuffle => false;

    public DataViewSchema Schema => schema;

    public long? GetRowCount() => 0;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null) => new EmptyCursor(schema);

    private sealed class EmptyCursor(DataViewSchema schema) : DataViewRowCursor
    {
        public override DataViewSchema Schema => schema;

        public override long Position => -1;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext() => false;

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column) =>
            (ref TValue _) => throw new InvalidOperationException("This view has no rows to read.");
    }
}
