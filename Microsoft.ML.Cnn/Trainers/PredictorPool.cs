// Predictors for a fitted transformer's cursors: a Predictor is not thread-safe (its compiled steps own their
// buffers), so each open scoring cursor rents one and returns it when disposed; idle ones are reused.
using System.Collections.Concurrent;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>Creates predictors on demand and keeps returned ones for the next cursor.</summary>
internal sealed class PredictorPool(Network network, BackendKind backend, int? threads, int batchSize) : IDisposable
{
    private readonly ConcurrentBag<Predictor> _idle = [];
    private bool _disposed;

    public int BatchSize => batchSize;

    /// <summary>An idle predictor, or a new one (compiling lazily per batch size).</summary>
    public Predictor Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _idle.TryTake(out var predictor) ? predictor : new Predictor(network, backend, threads, batchSize);
    }

    /// <summary>Gives a rented predictor back (disposing it when the pool is gone).</summary>
    public void Return(Predictor predictor)
    {
        if (_disposed) predictor.Dispose();
        else _idle.Add(predictor);
    }

    /// <summary>Disposes the idle predictors (their compiled steps and buffers); later cursors rent new ones.</summary>
    public void ReleaseIdle()
    {
        while (_idle.TryTake(out var predictor)) predictor.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var predictor)) predictor.Dispose();
    }
}
