// The one thread every oneDNN call runs on. Debian's build shares a library scratchpad between primitives unless
// it is user-managed, a primitive must then run on its creating thread, and libgomp sizes its team per calling
// thread: one dedicated thread satisfies all three, and omp_set_num_threads on it sets oneDNN's thread count.
using System.Runtime.ExceptionServices;
using Microsoft.ML.Cnn.Backends.OneDnn.Native;

namespace Microsoft.ML.Cnn.Backends.OneDnn;

/// <summary>Work the compute thread runs; implementations are cached objects, so a call allocates nothing.</summary>
internal interface IComputeWork
{
    void Execute();
}

/// <summary>A dedicated thread that runs <see cref="IComputeWork"/> items one at a time, synchronously for the caller.</summary>
internal sealed class ComputeThread : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _start = new(false, spinCount: 2000);
    private readonly ManualResetEventSlim _done = new(false, spinCount: 2000);
    private readonly Lock _callers = new();
    private IComputeWork? _work;
    private ExceptionDispatchInfo? _failure;
    private volatile bool _stopping;

    /// <param name="threads">OpenMP threads for oneDNN's parallel loops, set on the compute thread itself.</param>
    public ComputeThread(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "oneDNN needs at least one thread.");
        DnnlLibrary.EnsureAvailable(); // also installs the resolver that finds libgomp
        Threads = threads;
        // NOTE: slim events allocate their lock on the first wait that blocks; a timed-out wait now keeps steady-state runs allocation-free.
        _start.Wait(1);
        _done.Wait(1);
        _thread = new Thread(Loop) { IsBackground = true, Name = "mlcnn-onednn" };
        _thread.Start();
        Invoke(new ActionWork(() => OpenMp.omp_set_num_threads(threads)));
    }

    /// <summary>OpenMP threads oneDNN uses.</summary>
    public int Threads { get; }

    /// <summary>Whether the caller is the compute thread (work then runs inline).</summary>
    public bool IsCurrent => Environment.CurrentManagedThreadId == _thread.ManagedThreadId;

    /// <summary>Runs <paramref name="work"/> on the compute thread and rethrows its exception, if any, on the caller.</summary>
    public void Invoke(IComputeWork work)
    {
        if (IsCurrent) { work.Execute(); return; }
        ObjectDisposedException.ThrowIf(_stopping, this);
        lock (_callers)
        {
            _work = work;
            _failure = null;
            _done.Reset();
            _start.Set();
            _done.Wait();
            _work = null;
            _failure?.Throw();
        }
    }

    /// <summary>Runs a function on the compute thread (compile time: allocates a closure).</summary>
    public T Invoke<T>(Func<T> function)
    {
        T result = default!;
        Invoke(new ActionWork(() => result = function()));
        return result;
    }

    private void Loop()
    {
        while (true)
        {
            _start.Wait();
            _start.Reset();
            if (_stopping) return;
            try
            {
                _work!.Execute();
            }
            catch (Exception e)
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
            _done.Set();
        }
    }

    public void Dispose()
    {
        if (_stopping) return;
        _stopping = true;
        _start.Set();
        _thread.Join();
        _start.Dispose();
        _done.Dispose();
    }

    private sealed class ActionWork(Action action) : IComputeWork
    {
        public void Execute() => action();
    }
}
