// The portable backend: pure C#, SIMD where the hardware has it, and the reference the native backends are tested against.
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends.Managed;

/// <summary>Runs graphs with managed kernels on a private pool of worker threads.</summary>
public sealed class ManagedBackend : IBackend
{
    private readonly WorkerPool _pool;

    /// <param name="threads">Worker threads, the caller included; defaults to the processor count.</param>
    public ManagedBackend(int? threads = null)
    {
        _pool = new WorkerPool(threads ?? Environment.ProcessorCount);
    }

    public string Name => "managed";

    /// <summary>Threads a kernel uses.</summary>
    public int Threads => _pool.Parallelism;

    public IParameterStore CreateParameterStore(IReadOnlyList<Parameter> parameters) => new ManagedParameterStore(parameters);

    public IExecutable Compile(ExecutionPlan plan, IParameterStore parameters)
    {
        if (parameters is not ManagedParameterStore store)
            throw new ArgumentException($"The managed backend needs a parameter store it created, got {parameters.GetType().Name}.", nameof(parameters));
        return new ManagedExecutable(plan, store, _pool);
    }

    public void Dispose() => _pool.Dispose();
}

/// <summary>Parameters live in <see cref="Parameter.Data"/> itself; gradients in arrays beside them.</summary>
internal sealed class ManagedParameterStore : IParameterStore
{
    private readonly Dictionary<Parameter, float[]> _gradients;

    public ManagedParameterStore(IReadOnlyList<Parameter> parameters)
    {
        Parameters = parameters;
        _gradients = parameters.ToDictionary(p => p, p => new float[p.Data.Length]);
    }

    public IReadOnlyList<Parameter> Parameters { get; }

    public Span<float> Values(Parameter parameter) => ValueArray(parameter);

    public Span<float> Gradients(Parameter parameter) => GradientArray(parameter);

    internal float[] ValueArray(Parameter parameter) =>
        _gradients.ContainsKey(parameter) ? parameter.Data : throw Unknown(parameter);

    internal float[] GradientArray(Parameter parameter) =>
        _gradients.TryGetValue(parameter, out var gradient) ? gradient : throw Unknown(parameter);

    // The host copy is the storage: nothing to copy.
    public void Upload(Parameter parameter) => ValueArray(parameter);

    public void Download(Parameter parameter) => ValueArray(parameter);

    public void Dispose() { }

    private static ArgumentException Unknown(Parameter parameter) =>
        new($"Parameter '{parameter.Name}' is not in this store; create the store from the network's parameters.", nameof(parameter));
}
