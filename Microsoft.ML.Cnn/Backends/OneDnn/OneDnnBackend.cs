// The oneDNN backend: Intel's CPU primitives through the 2.6 C API, all on one compute thread, with blocked
// layouts kept between primitives and primitives cached per shape.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends.OneDnn;

/// <summary>
/// Runs graphs with oneDNN (libdnnl.so.2, package libdnnl2). Ops without a oneDNN primitive run as managed kernels.
/// Thread count: the constructor's threads argument sets OpenMP's team size (omp_set_num_threads on the compute thread);
/// without it, oneDNN uses OMP_NUM_THREADS from the environment at launch, or every core.
/// </summary>
public sealed class OneDnnBackend : IBackend
{
    private readonly ComputeThread _thread;
    private readonly WorkerPool _pool;
    private readonly PrimitiveCache _cache;
    private readonly HashSet<OneDnnExecutable> _executables = [];
    private bool _disposed;

    /// <param name="threads">Threads for oneDNN and the managed fallback kernels; defaults to the processor count.</param>
    /// <exception cref="DllNotFoundException">libdnnl.so.2 cannot be loaded; the message says how to install it.</exception>
    public OneDnnBackend(int? threads = null)
    {
        DnnlLibrary.EnsureAvailable();
        Threads = threads ?? Environment.ProcessorCount;
        _thread = new ComputeThread(Threads);
        _pool = new WorkerPool(Threads);
        (Engine, Stream) = _thread.Invoke(() =>
        {
            DnnlCheck.Check(Dnnl.dnnl_engine_create(out var engine, DnnlConstants.EngineKindCpu, 0), "creating the CPU engine");
            DnnlCheck.Check(Dnnl.dnnl_stream_create(out var stream, engine, DnnlConstants.StreamInOrder), "creating the stream");
            return (engine, stream);
        });
        _cache = new PrimitiveCache(Engine);
    }

    public string Name => "oneDNN";

    /// <summary>Threads oneDNN's parallel loops use.</summary>
    public int Threads { get; }

    /// <summary>Batches below this run on one thread: waking a second thread per primitive costs more than the work of a few images.</summary>
    public const int SingleThreadedBelowBatch = 4;

    /// <summary>The OpenMP team size of executables compiled for <paramref name="batchSize"/>.</summary>
    public int ThreadsFor(int batchSize) => batchSize < SingleThreadedBelowBatch ? 1 : Threads;

    /// <summary>Primitives (and reorders) this backend has created; compiling a shape seen before adds none.</summary>
    public int PrimitivesCreated => _thread.Invoke(() => _cache.CreatedCount);

    /// <summary>"oneDNN 2.6.3 (libdnnl.so.2)".</summary>
    public static string Version => DnnlLibrary.Availability.Description;

    internal DnnlEngineHandle Engine { get; }

    internal DnnlStreamHandle Stream { get; }

    internal ComputeThread ComputeThread => _thread;

    /// <summary>Called by an executable's Dispose (on any thread) so the backend stops tracking it.</summary>
    internal void Forget(OneDnnExecutable executable)
    {
        if (!_disposed) _thread.Invoke(() => _executables.Remove(executable));
    }

    public IParameterStore CreateParameterStore(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new OneDnnParameterStore(parameters);
    }

    public IExecutable Compile(ExecutionPlan plan, IParameterStore parameters)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (parameters is not OneDnnParameterStore store)
            throw new ArgumentException($"The oneDNN backend needs a parameter store it created, got {parameters.GetType().Name}.", nameof(parameters));
        int threads = ThreadsFor(plan.BatchSize);
        return _thread.Invoke(() =>
        {
            OpenMp.omp_set_num_threads(threads);
            try
            {
                var executable = new OneDnnExecutable(plan, store, this, _cache, _pool, threads);
                _executables.Add(executable);
                return executable;
            }
            finally
            {
                OpenMp.omp_set_num_threads(Threads);
            }
        });
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _thread.Invoke(() =>
        {
            // Memory objects and primitives go before the engine they were created on.
            foreach (var executable in _executables.ToArray()) executable.Dispose();
            _cache.Dispose();
            Stream.Dispose();
            Engine.Dispose();
            return 0;
        });
        _thread.Dispose();
        _pool.Dispose();
    }
}
