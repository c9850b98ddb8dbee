// ML.NET's PredictionEngine: scores one example object at a time through a row-to-row model. The model's view over
// a single-row feed and one cursor over it are built once; each call only hands the feed the example, moves the
// cursor one row and copies the output columns into the prediction object.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Prediction;

/// <summary>
/// Makes single predictions: <see cref="Predict(TSrc)"/> maps one <typeparamref name="TSrc"/> to one
/// <typeparamref name="TDst"/>. Created by <c>mlContext.Model.CreatePredictionEngine</c>.
/// </summary>
/// <remarks>
/// A <see cref="PredictionEngine{TSrc, TDst}"/> is NOT thread-safe: it reuses one cursor and its buffers for every call.
/// Use one engine per thread, or a <see cref="PredictionEnginePool{TSrc, TDst}"/> (<c>mlContext.Model.CreatePredictionEnginePool</c>),
/// which hands each call an engine of its own. Overlapping calls on one engine are detected and fail rather than mix rows.
/// Members of <typeparamref name="TDst"/> are filled by column name (<see cref="ColumnNameAttribute"/>) as
/// <c>mlContext.Data.CreateEnumerable</c> fills them: vectors as arrays or <see cref="VBuffer{T}"/>, keys as <see cref="uint"/>.
/// </remarks>
public sealed class PredictionEngine<TSrc, TDst> : IDisposable where TSrc : class where TDst : class, new()
{
    private readonly SingleRowFeed<TSrc> _feed = new();
    private readonly IDataView _output;
    private readonly RowObjectFiller<TDst> _filler;
    private DataViewRowCursor? _cursor;
    private Action<TDst>[] _setters = [];
    private int _busy;
    private bool _disposed;

    internal PredictionEngine(PredictionBinding<TSrc, TDst> binding, object? pool = null)
    {
        _output = binding.Model.Transform(new EnumerableDataView<TSrc>(_feed, binding.Inputs));
        _filler = binding.MatchOutputs(_output.Schema);
        Pool = pool;
    }

    /// <summary>The schema of the model's output (every column, including those <typeparamref name="TDst"/> does not map).</summary>
    public DataViewSchema OutputSchema => _output.Schema;

    /// <summary>The pool the engine belongs to, if any.</summary>
    internal object? Pool { get; }

    /// <summary>Whether a pool has handed the engine out (guarded by the pool's lock).</summary>
    internal bool IsRented { get; set; }

    /// <summary>The prediction for <paramref name="example"/>, in a new <typeparamref name="TDst"/>.</summary>
    public TDst Predict(TSrc example)
    {
        TDst prediction = new();
        Predict(example, ref prediction);
        return prediction;
    }

    /// <summary>
    /// Writes the prediction for <paramref name="example"/> into <paramref name="prediction"/> (created when null), reusing
    /// its <see cref="VBuffer{T}"/> members' arrays; fields the model does not output are left as they are.
    /// </summary>
    public void Predict(TSrc example, ref TDst prediction)
    {
        ArgumentNullException.ThrowIfNull(example);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _busy, 1) != 0)
            throw new InvalidOperationException("PredictionEngine is not thread-safe, and Predict was called while another call on the same engine " +
                "was running (from another thread, or re-entrantly). Use one engine per thread, or a PredictionEnginePool.");
        try
        {
            _feed.Set(example);
            var cursor = _cursor is null || _feed.Ended ? OpenCursor() : _cursor;
            if (!cursor.MoveNext())
                throw new InvalidOperationException("The model returned no row for the example; a step dropped it although the model claims to be row-to-row.");
            prediction ??= new TDst();
            foreach (var set in _setters) set(prediction);
        }
        catch
        {
            CloseCursor(); // a failed row may leave the cursor mid-row; the next call starts a fresh one
            throw;
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>Releases the cursor; later calls fail.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        if (Interlocked.Exchange(ref _busy, 1) != 0)
            throw new InvalidOperationException("PredictionEngine.Dispose was called while a Predict call on it was running; dispose it after its last call.");
        _disposed = true;
        CloseCursor();
    }

    /// <summary>A new cursor over the model's output and setters bound to it: on the first call, or after a cursor ended or failed.</summary>
    private DataViewRowCursor OpenCursor()
    {
        CloseCursor();
        _feed.Restart();
        var cursor = _output.GetRowCursor(_filler.Columns);
        _setters = _filler.CreateSetters(cursor);
        return _cursor = cursor;
    }

    private void CloseCursor()
    {
        _cursor?.Dispose();
        _cursor = null;
    }
}
