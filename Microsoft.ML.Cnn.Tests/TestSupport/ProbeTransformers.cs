// Test transformers that expose how a consumer drives them: one counts the cursors opened over its output, one reads
// its source ahead in batches (as a batch-scoring network does) before handing out the first row.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

/// <summary>Passes its input through unchanged and counts the cursors opened over its output.</summary>
internal sealed class CursorCountingTransformer : ITransformer
{
    private int _cursors;

    public int CursorsOpened => Volatile.Read(ref _cursors);

    public bool IsRowToRowMapper => true;

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inputSchema;

    public IDataView Transform(IDataView input) => new View(this, input);

    public void Save(ModelSaveContext context) => throw new NotSupportedException("A test probe is not saved.");

    private sealed class View(CursorCountingTransformer owner, IDataView source) : IDataView
    {
        public bool CanShuffle => source.CanShuffle;
        public DataViewSchema Schema => source.Schema;
        public long? GetRowCount() => source.GetRowCount();

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null)
        {
            Interlocked.Increment(ref owner._cursors);
            return source.GetRowCursor(columnsNeeded, rand);
        }
    }
}

/// <summary>
/// Outputs one Single column <c>Doubled</c> = 2 × the Single input column <c>Weight</c>, computed batch by batch: the
/// cursor pulls up to <c>batchSize</c> source rows before it returns the first of them.
/// </summary>
internal sealed class ReadAheadTransformer(int batchSize) : ITransformer
{
    public bool IsRowToRowMapper => true;

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        if (inputSchema.GetColumnOrNull("Weight") is not { Type: NumberDataViewType } weight || weight.Type != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(inputSchema), "Input column 'Weight' of type Single not found.");
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Doubled", NumberDataViewType.Single);
        return builder.ToSchema();
    }

    public IDataView Transform(IDataView input) => new View(input, GetOutputSchema(input.Schema), batchSize);

    public void Save(ModelSaveContext context) => throw new NotSupportedException("A test probe is not saved.");

    private sealed class View(IDataView source, DataViewSchema schema, int batchSize) : IDataView
    {
        public bool CanShuffle => false;
        public DataViewSchema Schema => schema;
        public long? GetRowCount() => source.GetRowCount();

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null) =>
            new Cursor(source.GetRowCursor([source.Schema["Weight"]]), source.Schema["Weight"], schema, batchSize);
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly DataViewRowCursor _source;
        private readonly ValueGetter<float> _weight;
        private readonly DataViewSchema _schema;
        private readonly float[] _batch;
        private int _count, _next;
        private long _position = -1;
        private bool _sourceDone;

        public Cursor(DataViewRowCursor source, DataViewSchema.Column weight, DataViewSchema schema, int batchSize)
        {
            _source = source;
            _weight = source.GetGetter<float>(weight);
            _schema = schema;
            _batch = new float[batchSize];
        }

        public override DataViewSchema Schema => _schema;
        public override long Position => _position;
        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext()
        {
            if (_next == _count)
            {
                _count = _next = 0;
                while (!_sourceDone && _count < _batch.Length)
                {
                    if (!_source.MoveNext()) { _sourceDone = true; break; }
                    _weight(ref _batch[_count]);
                    _batch[_count++] *= 2;
                }
                if (_count == 0) return false;
            }
            _next++;
            _position++;
            return true;
        }

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column) =>
            (ValueGetter<TValue>)(object)(ValueGetter<float>)((ref float value) => value = _batch[_next - 1]);

        protected override void Dispose(bool disposing)
        {
            if (disposing) _source.Dispose();
        }
    }
}
