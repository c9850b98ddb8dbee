// In-memory data as a batch source: the trainer's index order, reshuffled (seeded) at the start of every pass.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Training;

/// <summary>
/// Reads an <see cref="ITrainingData"/> in batches of consecutive entries of an index order. With a shuffle generator
/// the order is shuffled again (in place, so each pass continues the generator's stream) when every pass starts.
/// </summary>
internal sealed class IndexedBatchSource : IBatchSource
{
    private readonly ITrainingData _data;
    private readonly SeededRandom? _shuffle;
    private readonly int[] _order;
    private readonly Reader _reader;

    /// <param name="data">The samples.</param>
    /// <param name="shuffle">Reshuffles the order before every pass; null reads in index order.</param>
    public IndexedBatchSource(ITrainingData data, SeededRandom? shuffle)
    {
        _data = data;
        _shuffle = shuffle;
        _order = new int[data.Count];
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        _reader = new Reader(this);
    }

    public Shape SampleShape => _data.SampleShape;

    public Shape LabelShape => _data.LabelShape;

    public bool HasSampleWeights => false;

    public long? Count => _data.Count;

    /// <summary>Starts a pass; one reader is reused, so only one pass may be open at a time.</summary>
    public IBatchReader Open(int epoch)
    {
        _shuffle?.Shuffle(_order);
        _reader.Next = 0;
        return _reader;
    }

    private sealed class Reader(IndexedBatchSource source) : IBatchReader
    {
        public int Next { get; set; }

        public int Read(Span<float> features, Span<float> labels, Span<float> weights)
        {
            var data = source._data;
            int capacity = features.Length / data.SampleShape.ElementCount;
            int count = Math.Min(capacity, source._order.Length - Next);
            if (count <= 0) return 0;
            data.CopyBatch(source._order.AsSpan(Next, count), features[..(count * data.SampleShape.ElementCount)], labels[..(count * data.LabelShape.ElementCount)]);
            Next += count;
            return count;
        }

        public void Dispose() { }
    }
}
