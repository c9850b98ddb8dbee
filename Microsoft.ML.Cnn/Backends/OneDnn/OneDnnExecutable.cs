// A plan compiled for oneDNN: one pinned arena laid out by the memory planner, and a flat list of primitive
// executions and managed kernels that the compute thread runs without allocating.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.OneDnn;

internal sealed class OneDnnExecutable : IExecutable, IComputeWork
{
    private readonly OneDnnBackend _backend;
    private readonly RunAction[] _actions;
    private readonly IReadOnlyDictionary<Value, TensorHome> _homes;
    private readonly float[] _arena;
    // The primitives hold raw pointers into the scratchpad, so this field is what keeps it allocated: without it a
    // graph of primitives only (no managed kernel viewing the scratchpad) lost it at the next collection, and oneDNN
    // then wrote into memory the GC had handed to other objects.
    private readonly float[] _scratchpad;
    // Primitives also point straight into the store's pinned parameter and gradient arrays: keep them reachable too.
    private readonly OneDnnParameterStore _store;
    private readonly int _threads;
    private bool _disposed;

    /// <summary>Compiles <paramref name="plan"/>; must run on the compute thread.</summary>
    // threads: the OpenMP team size the primitives were created for, and must run with.
    public OneDnnExecutable(ExecutionPlan plan, OneDnnParameterStore store, OneDnnBackend backend, PrimitiveCache cache, WorkerPool pool, int threads)
    {
        Plan = plan;
        _threads = threads;
        _backend = backend;
        var builder = new ExecutableBuilder(plan, store, cache);
        builder.Build();
        _arena = builder.AllocateArena();
        _homes = builder.Homes;
        _scratchpad = builder.Scratchpad.Array!;
        _store = store;
        ScratchpadLength = (builder.ScratchpadBytes + 3) / 4;
        var actions = new List<RunAction>(builder.Actions.Count);
        try
        {
            foreach (var create in builder.Actions) actions.Add(create(backend.Engine, pool));
        }
        catch
        {
            foreach (var action in actions) action.Dispose();
            throw;
        }
        _actions = [.. actions];
    }

    public ExecutionPlan Plan { get; }

    /// <summary>Floats in the primitives' shared scratchpad.</summary>
    internal long ScratchpadLength { get; }

    /// <summary>Floats in the activation arena.</summary>
    public long ArenaLength => _arena.Length;

    /// <summary>Primitive executions and managed kernels per run (reorders included).</summary>
    public int ActionCount => _actions.Length;

    public void SetInput(Value placeholder, ReadOnlySpan<float> data)
    {
        if (placeholder.Producer.Op is not Placeholder || !_homes.TryGetValue(placeholder, out var home))
            throw new ArgumentException($"{placeholder} is not an input of this executable.", nameof(placeholder));
        int length = home.Length;
        if (data.Length != length)
            throw new ArgumentException($"Input '{placeholder.Producer.Name}' expects {length} values for shape {home.Shape}, got {data.Length}.", nameof(data));
        data.CopyTo(home.Buffer.Array.AsSpan(home.Buffer.Offset, length));
    }

    public void Run()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _backend.ComputeThread.Invoke(this);
    }

    /// <summary>The run itself, on the compute thread.</summary>
    void IComputeWork.Execute()
    {
        nint stream = _backend.Stream.DangerousGetHandle();
        bool ownTeamSize = _threads != _backend.Threads;
        if (ownTeamSize) OpenMp.omp_set_num_threads(_threads);
        try
        {
            for (int i = 0; i < _actions.Length; i++) _actions[i].Run(stream);
            DnnlCheck.Check(Dnnl.dnnl_stream_wait(stream), "waiting for a run to finish");
        }
        finally
        {
            if (ownTeamSize) OpenMp.omp_set_num_threads(_backend.Threads);
        }
    }

    public void GetOutput(Value output, Span<float> destination)
    {
        if (!_homes.TryGetValue(output, out var home) || Plan.LastUse(output) != int.MaxValue)
            throw new ArgumentException($"{output} is not an output of this executable; list it when creating the plan.", nameof(output));
        int length = home.Length;
        if (destination.Length != length)
            throw new ArgumentException($"Output {output} has {length} values for shape {home.Shape}; the destination holds {destination.Length}.", nameof(destination));
        home.Buffer.Array.AsSpan(home.Buffer.Offset, length).CopyTo(destination);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var action in _actions) action.Dispose();
        _backend.Forget(this);
    }
}
