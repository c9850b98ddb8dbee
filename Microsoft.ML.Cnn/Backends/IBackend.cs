// The contract every compute backend implements: the managed reference, oneDNN, and later a GPU.
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends;

/// <summary>
/// A compute backend. It owns parameter storage (in whatever layout it prefers) and compiles execution plans
/// into executables. To add one: implement this, <see cref="IParameterStore"/> and <see cref="IExecutable"/>;
/// keep tensors in private layouts between your own ops and convert only in SetInput, GetOutput and the
/// parameter store's Upload/Download; cache compiled kernels by shape.
/// </summary>
public interface IBackend : IDisposable
{
    /// <summary>Display name, e.g. "managed" or "oneDNN".</summary>
    string Name { get; }

    /// <summary>Creates device storage for parameters, initialized from each <see cref="Parameter.Data"/>.</summary>
    IParameterStore CreateParameterStore(IReadOnlyList<Parameter> parameters);

    /// <summary>Compiles a plan; parameters are read from, and gradients written to, <paramref name="parameters"/>.</summary>
    IExecutable Compile(ExecutionPlan plan, IParameterStore parameters);
}

/// <summary>
/// Parameters, their gradients and anything else that outlives one run, shared by all executables of a network.
/// Values and gradients of one parameter share a layout, so optimizers update them elementwise without
/// knowing the layout.
/// </summary>
public interface IParameterStore : IDisposable
{
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The parameter's values in backend layout (may be longer than the canonical element count when padded).</summary>
    Span<float> Values(Parameter parameter);

    /// <summary>The parameter's gradient from the last run, in the same layout as <see cref="Values"/>.</summary>
    Span<float> Gradients(Parameter parameter);

    /// <summary>Copies <see cref="Parameter.Data"/> into backend storage (after the host copy was changed).</summary>
    void Upload(Parameter parameter);

    /// <summary>Copies backend storage back into <see cref="Parameter.Data"/> (before saving or reading weights).</summary>
    void Download(Parameter parameter);
}

/// <summary>A plan compiled for one backend: buffers allocated, kernels chosen. Not thread-safe; one run at a time.</summary>
public interface IExecutable : IDisposable
{
    ExecutionPlan Plan { get; }

    /// <summary>Copies canonical row-major data ([N, C, H, W] for images) into a placeholder.</summary>
    void SetInput(Value placeholder, ReadOnlySpan<float> data);

    /// <summary>Runs every step of the plan.</summary>
    void Run();

    /// <summary>Copies an output, in canonical row-major layout, into <paramref name="destination"/>.</summary>
    void GetOutput(Value output, Span<float> destination);
}
