// Overlaps reading with training: a background thread reads the next batch of a source (e.g. decoding images
// through a data-view cursor) while the training thread runs the current one. One batch ahead, no more.
using System.Runtime.ExceptionServices;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Training;

/// <summary>
/// A source whose passes are read one batch ahead on a background thread. The inner source sees the same calls, in
/// the same order, as without it (so results are identical); its errors surface on the reading thread at the next
/// <see cref="IBatchReader.Read"/>. The inner reader (and its cursor) is used only by the background thread while
/// the pass runs, and disposed once that thread has stopped.
/// </summary>
internal sealed class ReadAheadBatchSource(IBatchSource inner, int batchSize) : IBatchSource
{
    /// <summary>The largest batch read ahead (the trainer's batch size).</summary>
    public int BatchSize { get; } = batchSize >= 1 ? batchSize : throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A batch holds at least one sample.");

    public Shape SampleShape => inner.SampleShape;

    public Shape LabelShape => inner.LabelShape;

    public bool HasSampleWeights => inner.HasSampleWeights;

    public long? Count => inner.Count;

    public IBatchReader Open(int epoch) => new Reader(this, inner.Open(epoch));

    private sealed class Reader : IBatchReader
    {
        private readonly IBatchReader _inner;
        private readonly float[] _features, _labels, _weights;
        private readonly int _sampleSize, _labelSize;
        private readonly SemaphoreSlim _filled = new(0), _emptied = new(1);
        private readonly Thread _thread;
        private volatile bool _stop;
        private ExceptionDispatchInfo? _error;
        private int _count;
        private bool _ended, _disposed;

        public Reader(ReadAheadBatchSource source, IBatchReader inner)
        {
            _inner = inner;
            _sampleSize = source.SampleShape.ElementCount;
            _labelSize = source.LabelShape.ElementCount;
            _features = new float[checked(source.BatchSize * _sampleSize)];
            _labels = new float[checked(source.BatchSize * _labelSize)];
            _weights = source.HasSampleWeights ? new float[source.BatchSize] : [];
            _thread = new Thread(Produce) { IsBackground = true, Name = "Microsoft.ML.Cnn batch reader" };
            _thread.Start();
        }

        public int Read(Span<float> features, Span<float> labels, Span<float> weights)
        {
            if (_ended) return 0;
            _filled.Wait();
            if (_error is { } error)
            {
                _ended = true;
                error.Throw();
            }
            int count = _count;
            if (count == 0)
            {
                _ended = true;
                return 0;
            }
            if (count * _sampleSize > features.Length)
                throw new InvalidOperationException($"The read-ahead batch of {count} samples does not fit a destination of {features.Length / _sampleSize}.");
            _features.AsSpan(0, count * _sampleSize).CopyTo(features);
            _labels.AsSpan(0, count * _labelSize).CopyTo(labels);
            if (!weights.IsEmpty) _weights.AsSpan(0, count).CopyTo(weights);
            _emptied.Release(); // the next batch is read while this one trains
            return count;
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _stop = true;
            _emptied.Release(); // wakes the reader if it waits for room
            _thread.Join();
            _inner.Dispose();
            _filled.Dispose();
            _emptied.Dispose();
        }

        private void Produce()
        {
            try
            {
                while (true)
                {
                    _emptied.Wait();
                    if (_stop) return;
                    _count = _inner.Read(_features, _labels, _weights);
                    bool last = _count == 0;
                    _filled.Release();
                    if (last) return;
                }
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
                _filled.Release();
            }
        }
    }
}
