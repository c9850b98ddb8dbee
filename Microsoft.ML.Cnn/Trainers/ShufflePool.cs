// A bounded shuffle buffer (as tf.data's shuffle or ML.NET's pool shuffling): rows stream through a pool of fixed
// size and leave it in a seeded random order, so a view that cannot shuffle itself is shuffled locally without
// holding more than the pool in memory.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>
/// Holds up to <see cref="Capacity"/> samples. Each one served is drawn uniformly from the pool, and its slot is
/// refilled from the stream, so a row can move forward or back by up to about the pool size.
/// </summary>
internal sealed class ShufflePool
{
    private readonly float[] _features, _labels, _weights;
    private readonly int _sampleSize;
    private SeededRandom _random = new(0);
    private int _count;
    private bool _exhausted;

    public ShufflePool(int capacity, int sampleSize)
    {
        Capacity = capacity;
        _sampleSize = sampleSize;
        _features = new float[checked(capacity * sampleSize)];
        _labels = new float[capacity];
        _weights = new float[capacity];
    }

    public int Capacity { get; }

    /// <summary>The most rows a pool holds by default: 1024 rows or 64 MiB of features, whichever is fewer, but at least a batch.</summary>
    public static int DefaultCapacity(int sampleSize, int batchSize) => Math.Max(batchSize, Math.Min(1024, (64 << 20) / sizeof(float) / sampleSize));

    /// <summary>Empties the pool for a new pass drawn from <paramref name="random"/>.</summary>
    public void Reset(SeededRandom random)
    {
        _random = random;
        _count = 0;
        _exhausted = false;
    }

    /// <summary>Fills up to a batch from the pool (topping it up from <paramref name="rows"/>); returns how many, 0 at the end.</summary>
    public int Read(RowSampleReader rows, Span<float> features, Span<float> labels, Span<float> weights)
    {
        int capacity = features.Length / _sampleSize, filled = 0;
        while (filled < capacity)
        {
            while (!_exhausted && _count < Capacity)
            {
                if (rows.Next(_features.AsSpan(_count * _sampleSize, _sampleSize), out _labels[_count], out _weights[_count])) _count++;
                else _exhausted = true;
            }
            if (_count == 0) break;
            int pick = _random.NextInt(_count);
            _features.AsSpan(pick * _sampleSize, _sampleSize).CopyTo(features.Slice(filled * _sampleSize, _sampleSize));
            labels[filled] = _labels[pick];
            if (!weights.IsEmpty) weights[filled] = _weights[pick];
            filled++;
            int last = --_count;
            if (pick != last) Move(last, pick);
        }
        return filled;
    }

    private void Move(int from, int to)
    {
        _features.AsSpan(from * _sampleSize, _sampleSize).CopyTo(_features.AsSpan(to * _sampleSize, _sampleSize));
        _labels[to] = _labels[from];
        _weights[to] = _weights[from];
    }
}
