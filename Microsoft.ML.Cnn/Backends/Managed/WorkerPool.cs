// A fixed set of worker threads for the managed kernels. Unlike Parallel.For it allocates nothing per
// call, so a training step stays allocation-free, and it gives each body a worker index for scratch space.
namespace Microsoft.ML.Cnn.Backends.Managed;

/// <summary>The body of a parallel loop over [0, count): each worker gets one contiguous range.</summary>
internal interface IParallelBody
{
    /// <param name="start">First index of this worker's range.</param>
    /// <param name="end">One past the last index.</param>
    /// <param name="worker">0 for the calling thread, 1.. for pool threads; below <see cref="WorkerPool.Parallelism"/>.</param>
    void Run(int start, int end, int worker);
}

/// <summary>Runs loop bodies on the calling thread plus <c>Parallelism - 1</c> dedicated threads.</summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _start;
    private readonly CountdownEvent _done;
    private IParallelBody? _body;
    private int _count;
    private int _busy;
    private volatile bool _stopping;
    private Exception? _failure;

    public WorkerPool(int parallelism)
    {
        if (parallelism < 1) throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "At least one thread is needed.");
        Parallelism = parallelism;
        _threads = new Thread[parallelism - 1];
        _start = new ManualResetEventSlim[parallelism - 1];
        _done = new CountdownEvent(1);
        // NOTE: slim events allocate their lock object on the first wait that blocks. A short timed-out wait here
        // creates it now, so a busy machine that makes a wait block mid-training allocates nothing.
        _done.Wait(1);
        for (int i = 0; i < _threads.Length; i++)
        {
            int worker = i + 1;
            _start[i] = new ManualResetEventSlim(false, spinCount: 2000);
            _start[i].Wait(1);
            _threads[i] = new Thread(() => WorkerLoop(worker)) { IsBackground = true, Name = $"mlcnn-worker-{worker}" };
            _threads[i].Start();
        }
    }

    /// <summary>Threads that share a loop, the caller included.</summary>
    public int Parallelism { get; }

    /// <summary>
    /// Splits [0, count) into contiguous ranges, one per worker, and returns when all are done. A nested or
    /// concurrent call runs the whole range on the calling thread instead of waiting for the pool.
    /// </summary>
    public void For(int count, IParallelBody body)
    {
        if (count <= 0) return;
        int workers = Math.Min(Parallelism, count);
        if (workers == 1 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            body.Run(0, count, 0);
            return;
        }
        try
        {
            _body = body;
            _count = count;
            _failure = null;
            _done.Reset(workers - 1);
            for (int w = 1; w < workers; w++) _start[w - 1].Set();
            body.Run(0, RangeEnd(0, workers, count), 0);
            _done.Wait();
            if (_failure is { } failure) throw new AggregateException("A managed kernel failed on a worker thread.", failure);
        }
        finally
        {
            _body = null;
            Volatile.Write(ref _busy, 0);
        }
    }

    private int ActiveWorkers => Math.Min(Parallelism, _count);

    private static int RangeEnd(int worker, int workers, int count) => (int)((long)(worker + 1) * count / workers);

    private void WorkerLoop(int worker)
    {
        var start = _start[worker - 1];
        while (true)
        {
            start.Wait();
            start.Reset();
            if (_stopping) return;
            int workers = ActiveWorkers;
            try
            {
                _body!.Run(RangeEnd(worker - 1, workers, _count), RangeEnd(worker, workers, _count), worker);
            }
            catch (Exception e)
            {
                _failure = e;
            }
            _done.Signal();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (var e in _start) e.Set();
        foreach (var t in _threads) t.Join();
        foreach (var e in _start) e.Dispose();
        _done.Dispose();
    }
}
