// The Cnn trainers' streaming batch source: one data-view cursor per epoch with only the feature, label and weight
// columns active; shuffled by the view itself when it can, else through a bounded shuffle pool; optionally one side
// of a hashed validation split. It never holds more than the pool (and the trainer's batch) in memory.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>Which rows of a data view a source reads, and how.</summary>
/// <param name="Data">The rows.</param>
/// <param name="Description">What the rows are, for logs and errors, e.g. "training rows".</param>
/// <param name="Features">The feature column (a known-size Single vector).</param>
/// <param name="SampleShape">The per-sample shape the feature vectors are read as.</param>
/// <param name="Label">The label column.</param>
/// <param name="LabelShape">The per-sample label shape the loss takes (one value).</param>
/// <param name="Labels">Reads a row's label as a float, NaN when missing.</param>
/// <param name="Weight">The example-weight column, or null.</param>
/// <param name="ClassWeights">Weights by class index, or null.</param>
/// <param name="Split">One side of a validation split, or null for every row.</param>
/// <param name="Shuffle">Whether each pass is shuffled.</param>
/// <param name="PoolRows">The shuffle pool's size, for views that cannot shuffle (or are split).</param>
/// <param name="Seed">Seeds each pass's order.</param>
/// <param name="Log">Receives the row counts of the first pass.</param>
internal sealed record DataViewSourceSettings(IDataView Data, string Description, DataViewSchema.Column Features, Shape SampleShape,
    DataViewSchema.Column Label, Shape LabelShape, LabelReaderFactory Labels, DataViewSchema.Column? Weight, float[]? ClassWeights,
    RowSplit? Split, bool Shuffle, int PoolRows, long Seed, Action<ChannelMessageKind, string> Log);

/// <summary>An <see cref="IBatchSource"/> over a data view, read anew each pass.</summary>
internal sealed class DataViewBatchSource : IBatchSource
{
    private readonly DataViewSourceSettings _settings;
    private readonly DataViewSchema.Column[] _columns;
    private readonly ShufflePool? _pool;
    private long? _count;

    public DataViewBatchSource(DataViewSourceSettings settings)
    {
        if (settings.LabelShape.ElementCount != 1) throw new ArgumentException($"A data-view source reads one label value per row, not {settings.LabelShape}.", nameof(settings));
        _settings = settings;
        _columns = settings.Weight is { } weight ? [settings.Features, settings.Label, weight] : [settings.Features, settings.Label];
        bool viewShuffles = settings.Data.CanShuffle && settings.Split is null;
        if (settings.Shuffle && !viewShuffles) _pool = new ShufflePool(settings.PoolRows, settings.SampleShape.ElementCount);
        long? rows = settings.Data.GetRowCount();
        _count = rows is { } r && settings.Split is { } split ? (long)Math.Ceiling(r * split.Share) : rows;
    }

    public Shape SampleShape => _settings.SampleShape;

    public Shape LabelShape => _settings.LabelShape;

    public bool HasSampleWeights => _settings.Weight is not null || _settings.ClassWeights is not null;

    public long? Count => _count;

    /// <summary>The pool that shuffles this source's passes, or null when the view shuffles itself (or no shuffling).</summary>
    internal ShufflePool? Pool => _pool;

    /// <summary>The counts of the last finished pass, or null before the first one finishes.</summary>
    internal RowCounts? LastPass { get; private set; }

    public IBatchReader Open(int epoch)
    {
        var random = _settings.Shuffle ? SeededRandom.ForStream(_settings.Seed, epoch) : null;
        bool viewShuffles = random is not null && _pool is null;
        var cursor = _settings.Data.GetRowCursor(_columns, viewShuffles ? random : null);
        if (_pool is not null) _pool.Reset(random!);
        return new Reader(this, new RowSampleReader(cursor, _settings));
    }

    private void PassFinished(RowCounts counts)
    {
        bool first = LastPass is null;
        LastPass = counts;
        _count = counts.Used;
        if (counts.Used == 0) throw new InvalidOperationException($"There are no {_settings.Description}: {Describe(counts)}.");
        if (!first) return;
        var kind = counts.MissingLabel + counts.BadWeight > 0 ? ChannelMessageKind.Warning : ChannelMessageKind.Info;
        _settings.Log(kind, $"{char.ToUpperInvariant(_settings.Description[0])}{_settings.Description[1..]}: {Describe(counts)}.");
    }

    private string Describe(RowCounts counts)
    {
        string text = $"{counts.Used} of {counts.Seen} rows used";
        if (counts.OtherSplit > 0) text += $", {counts.OtherSplit} held out by the validation split";
        if (counts.MissingLabel > 0) text += $", {counts.MissingLabel} skipped for a missing label in '{_settings.Label.Name}'";
        if (counts.BadWeight > 0) text += $", {counts.BadWeight} skipped for a missing, negative or zero weight";
        return text;
    }

    private sealed class Reader(DataViewBatchSource source, RowSampleReader rows) : IBatchReader
    {
        private bool _finished;

        public int Read(Span<float> features, Span<float> labels, Span<float> weights)
        {
            if (_finished) return 0;
            int count = source._pool is { } pool ? pool.Read(rows, features, labels, weights) : ReadInOrder(features, labels, weights);
            if (count == 0)
            {
                _finished = true;
                source.PassFinished(rows.Counts);
            }
            return count;
        }

        public void Dispose() => rows.Dispose();

        private int ReadInOrder(Span<float> features, Span<float> labels, Span<float> weights)
        {
            int sampleSize = source.SampleShape.ElementCount, capacity = features.Length / sampleSize, filled = 0;
            while (filled < capacity && rows.Next(features.Slice(filled * sampleSize, sampleSize), out labels[filled], out float weight))
            {
                if (!weights.IsEmpty) weights[filled] = weight;
                filled++;
            }
            return filled;
        }
    }
}
