// The view a fitted Cnn transformer returns: the input columns plus the score columns. A cursor that reads a score
// column reads ahead a batch of feature rows (keeping the batch's other requested input values), runs one batched
// inference, then serves the rows one by one, so scoring runs at the engine's batched throughput.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>How a transformer scores: its score columns, its predictors, and the per-batch post-processing of raw outputs.</summary>
internal interface IBatchScorer
{
    IReadOnlyList<ScoreColumn> ScoreColumns { get; }

    PredictorPool Predictors { get; }

    /// <summary>Values per sample the network takes and gives.</summary>
    int InputSize { get; }

    int OutputSize { get; }

    /// <summary>Turns <paramref name="count"/> rows of raw network outputs into the values the score columns read (in place).</summary>
    void PostProcess(Span<float> outputs, int count);
}

/// <summary>A source view with score columns appended; nothing is read until a cursor moves.</summary>
internal sealed class ScoringDataView : IDataView
{
    private readonly IDataView _source;
    private readonly DataViewSchema.Column _features;
    private readonly IBatchScorer _scorer;

    public ScoringDataView(IDataView source, DataViewSchema.Column features, IBatchScorer scorer)
    {
        _source = source;
        _features = features;
        _scorer = scorer;
        Schema = OutputSchema(source.Schema, scorer.ScoreColumns);
    }

    public bool CanShuffle => _source.CanShuffle;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _source.GetRowCount();

    public static DataViewSchema OutputSchema(DataViewSchema input, IReadOnlyList<ScoreColumn> scoreColumns)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        foreach (var column in scoreColumns) builder.AddColumn(column.Name, column.Type, column.Annotations);
        return builder.ToSchema();
    }

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null)
    {
        var active = ActiveColumns.From(Schema, columnsNeeded);
        int inputCount = _source.Schema.Count;
        bool scoring = Array.IndexOf(active, true, inputCount) >= 0;
        var sourceColumns = new List<DataViewSchema.Column>();
        for (int i = 0; i < inputCount; i++)
            if (active[i] || (scoring && i == _features.Index)) sourceColumns.Add(_source.Schema[i]);
        var inner = _source.GetRowCursor(sourceColumns, rand);
        return new Cursor(this, inner, active, scoring);
    }

    /// <summary>Reads ahead a batch when a score column is active; otherwise only passes the input through.</summary>
    private sealed class Cursor : DataViewRowCursor, IScoredRow
    {
        private readonly ScoringDataView _view;
        private readonly DataViewRowCursor _inner;
        private readonly bool[] _active;
        private readonly ColumnSlots?[] _slots;
        private readonly ValueGetter<VBuffer<float>>? _features;
        private float[] _inputs = [], _outputs = [];
        private readonly Func<int> _slot;
        private Predictor? _predictor;
        private VBuffer<float> _vector;
        private int _count, _index = -1, _reading;
        private long _batchStart, _position = -1;

        public Cursor(ScoringDataView view, DataViewRowCursor inner, bool[] active, bool scoring)
        {
            _view = view;
            _inner = inner;
            _active = active;
            _slots = new ColumnSlots?[view._source.Schema.Count];
            _slot = () => _index;
            if (!scoring) return;
            // Buffers start at one row and grow to a batch as rows arrive: a prediction engine's cursor sees one row.
            for (int i = 0; i < _slots.Length; i++)
                if (active[i]) _slots[i] = ColumnSlots.Create(inner, view._source.Schema[i], 1);
            // When the features are also passed through, read them back from their slot rather than computing them
            // (e.g. decoding an image) a second time.
            int featureIndex = view._features.Index;
            _features = _slots[featureIndex] is { } featureSlots
                ? (ValueGetter<VBuffer<float>>)featureSlots.CreateGetter(() => _reading)
                : inner.GetGetter<VBuffer<float>>(view._features);
            _predictor = view._scorer.Predictors.Rent();
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public ReadOnlySpan<float> Output => _index >= 0 && _index < _count
            ? _outputs.AsSpan(_index * _view._scorer.OutputSize, _view._scorer.OutputSize)
            : throw new InvalidOperationException("The cursor is not on a row: call MoveNext first.");

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override bool MoveNext()
        {
            if (_features is null)
            {
                if (!_inner.MoveNext()) return false;
                _position++;
                return true;
            }
            if (_index + 1 < _count) { _index++; _position++; return true; }
            _batchStart += _count;
            _count = ReadBatch();
            _index = _count > 0 ? 0 : -1;
            if (_count == 0) return false;
            _position = _batchStart;
            return true;
        }

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column)
        {
            int inputCount = _slots.Length;
            if (column.Index >= inputCount) return (ValueGetter<TValue>)_view._scorer.ScoreColumns[column.Index - inputCount].CreateGetter(this);
            if (_features is null) return _inner.GetGetter<TValue>(_inner.Schema[column.Index]);
            return (ValueGetter<TValue>)_slots[column.Index]!.CreateGetter(_slot);
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            _inner.Dispose();
            if (_predictor is not null) _view._scorer.Predictors.Return(_predictor);
            _predictor = null;
        }

        /// <summary>Makes room for at least <paramref name="rows"/> rows (doubling, at most a batch); steady-state batches reuse it.</summary>
        private void Grow(int rows)
        {
            var scorer = _view._scorer;
            int capacity = Math.Min(scorer.Predictors.BatchSize, Math.Max(rows, 2 * (_inputs.Length / scorer.InputSize)));
            Array.Resize(ref _inputs, checked(capacity * scorer.InputSize));
            Array.Resize(ref _outputs, checked(capacity * scorer.OutputSize));
        }

        /// <summary>Reads up to a batch of rows (features and requested inputs) and scores them; returns how many.</summary>
        private int ReadBatch()
        {
            var scorer = _view._scorer;
            int inputSize = scorer.InputSize, count = 0;
            while (count < scorer.Predictors.BatchSize && _inner.MoveNext())
            {
                if ((count + 1) * inputSize > _inputs.Length) Grow(count + 1);
                foreach (var slots in _slots) slots?.Store(count);
                _reading = count;
                _features!(ref _vector);
                var values = _vector.GetValues();
                if (values.Length != inputSize)
                    throw new InvalidOperationException($"Row {_inner.Position} of feature column '{_view._features.Name}' has {values.Length} values; the column ({_view._features.Type}) declares {inputSize}.");
                values.CopyTo(_inputs.AsSpan(count * inputSize, inputSize));
                count++;
            }
            if (count == 0) return 0;
            var outputs = _outputs.AsSpan(0, count * scorer.OutputSize);
            (_predictor ?? throw new ObjectDisposedException(nameof(Cursor))).Predict(_inputs.AsSpan(0, count * inputSize), count, outputs);
            scorer.PostProcess(outputs, count);
            return count;
        }
    }
}
