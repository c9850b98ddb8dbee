// The thread-safe way to make single predictions (ML.NET's Microsoft.Extensions.ML.PredictionEnginePool without the
// dependency injection): a bounded pool of prediction engines, created on demand, each serving one call at a time.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Prediction;

/// <summary>
/// Thread-safe single predictions through one model. Each <see cref="Predict(TSrc)"/> takes an idle engine (or creates
/// one), predicts and returns it; at most <see cref="MaximumRetained"/> idle engines are kept, extra ones made under a
/// burst of concurrent calls are disposed when returned. Created by <c>mlContext.Model.CreatePredictionEnginePool</c>.
/// </summary>
public sealed class PredictionEnginePool<TSrc, TDst> : IDisposable where TSrc : class where TDst : class, new()
{
    private readonly PredictionBinding<TSrc, TDst> _binding;
    private readonly Stack<PredictionEngine<TSrc, TDst>> _idle = new();
    private int _created;
    private bool _disposed;

    internal PredictionEnginePool(PredictionBinding<TSrc, TDst> binding, int maximumRetained)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumRetained);
        _binding = binding;
        MaximumRetained = maximumRetained;
    }

    /// <summary>The most idle engines kept for reuse.</summary>
    public int MaximumRetained { get; }

    /// <summary>The schema of the model's output.</summary>
    public DataViewSchema OutputSchema => _binding.OutputSchema;

    /// <summary>The number of engines created so far (for monitoring).</summary>
    public int EnginesCreated => Volatile.Read(ref _created);

    /// <summary>The model the engines score with.</summary>
    public ITransformer GetModel() => _binding.Model;

    /// <summary>The prediction for <paramref name="example"/>; safe to call from any number of threads at once.</summary>
    public TDst Predict(TSrc example)
    {
        TDst prediction = new();
        Predict(example, ref prediction);
        return prediction;
    }

    /// <summary>Writes the prediction for <paramref name="example"/> into <paramref name="prediction"/> (created when null).</summary>
    public void Predict(TSrc example, ref TDst prediction)
    {
        ArgumentNullException.ThrowIfNull(example);
        var engine = GetPredictionEngine();
        try
        {
            engine.Predict(example, ref prediction);
        }
        finally
        {
            ReturnPredictionEngine(engine);
        }
    }

    /// <summary>An engine for the caller's exclusive use until it is given back with <see cref="ReturnPredictionEngine"/>.</summary>
    public PredictionEngine<TSrc, TDst> GetPredictionEngine()
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var idle))
            {
                idle.IsRented = true;
                return idle;
            }
        }
        // Created outside the lock: building an engine runs the model's Transform, which other callers need not wait for.
        var engine = new PredictionEngine<TSrc, TDst>(_binding, this) { IsRented = true };
        Interlocked.Increment(ref _created);
        return engine;
    }

    /// <summary>Gives back an engine from <see cref="GetPredictionEngine"/>: kept for reuse, or disposed when enough are idle.</summary>
    public void ReturnPredictionEngine(PredictionEngine<TSrc, TDst> engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (!ReferenceEquals(engine.Pool, this))
            throw new ArgumentException("This engine was not taken from this pool; return each engine to the pool it came from.", nameof(engine));
        lock (_idle)
        {
            if (!engine.IsRented) throw new InvalidOperationException("This engine was already returned to the pool; return each engine once.");
            engine.IsRented = false;
            if (!_disposed && _idle.Count < MaximumRetained)
            {
                _idle.Push(engine);
                return;
            }
        }
        engine.Dispose();
    }

    /// <summary>Disposes the idle engines; engines still out are disposed when returned, and the pool hands out no more.</summary>
    public void Dispose()
    {
        PredictionEngine<TSrc, TDst>[] idle;
        lock (_idle)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }
        foreach (var engine in idle) engine.Dispose();
    }
}
