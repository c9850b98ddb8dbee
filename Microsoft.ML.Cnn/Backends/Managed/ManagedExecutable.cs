// A plan compiled for the managed backend: one arena for every intermediate tensor (laid out by the
// memory planner), one kernel per step, and the arguments of every call fixed up front.
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed;

internal sealed class ManagedExecutable : IExecutable
{
    private readonly ManagedKernel[] _kernels;
    private readonly KernelArguments[] _arguments;
    private readonly Dictionary<Value, TensorView> _views = [];

    public ManagedExecutable(ExecutionPlan plan, ManagedParameterStore store, WorkerPool pool)
    {
        Plan = plan;
        var steps = plan.Steps;
        _kernels = new ManagedKernel[steps.Count];
        for (int s = 0; s < steps.Count; s++)
        {
            var node = steps[s];
            _kernels[s] = ManagedKernels.Create(node.Op, node.Inputs.Select(plan.ShapeOf).ToArray(), node.Outputs.Select(plan.ShapeOf).ToArray());
        }

        // Values bound to parameter storage are not in the arena.
        var external = new Dictionary<Value, float[]>();
        foreach (var node in steps)
            if (node.Op is ParameterRead read) external[node.Outputs[0]] = store.ValueArray(read.Parameter);
        foreach (var binding in plan.Gradients) external[binding.Gradient] = store.GradientArray(binding.Parameter);

        var requests = new List<BufferRequest>();
        var owners = new List<(Value? Value, int Step)>();
        for (int s = 0; s < steps.Count; s++)
        {
            foreach (var output in steps[s].Outputs)
            {
                if (external.ContainsKey(output)) continue;
                var (first, last) = plan.Lifetime(output);
                requests.Add(new BufferRequest(plan.ShapeOf(output).ElementCount, first, last));
                owners.Add((output, s));
            }
            if (_kernels[s].WorkspaceLength > 0)
            {
                requests.Add(new BufferRequest(_kernels[s].WorkspaceLength, s, s));
                owners.Add((null, s));
            }
        }
        var (offsets, arenaLength) = MemoryPlanner.Plan(requests);
        ArenaLength = arenaLength;
        if (arenaLength + MemoryPlanner.Alignment > Array.MaxLength)
            throw new InsufficientMemoryException($"The graph needs {arenaLength:N0} floats of activations at batch {plan.BatchSize}; use a smaller batch.");
        var (arena, baseOffset) = PinnedBuffers.Allocate(arenaLength);

        var workspaces = new TensorView[steps.Count];
        for (int i = 0; i < requests.Count; i++)
        {
            var (value, step) = owners[i];
            int offset = baseOffset + (int)offsets[i];
            if (value is null) workspaces[step] = new TensorView(arena, offset, new Shape((int)requests[i].Length));
            else _views[value] = new TensorView(arena, offset, plan.ShapeOf(value));
        }
        foreach (var (value, array) in external) _views[value] = new TensorView(array, 0, plan.ShapeOf(value));

        _arguments = new KernelArguments[steps.Count];
        for (int s = 0; s < steps.Count; s++)
        {
            _arguments[s] = new KernelArguments(
                steps[s].Inputs.Select(v => _views[v]).ToArray(),
                steps[s].Outputs.Select(v => _views[v]).ToArray(),
                workspaces[s].Array is null ? new TensorView(arena, baseOffset, Shape.Scalar, 0) : workspaces[s],
                pool);
        }
    }

    public ExecutionPlan Plan { get; }

    /// <summary>Floats in the activation arena (for memory reports and tests).</summary>
    public long ArenaLength { get; }

    public void SetInput(Value placeholder, ReadOnlySpan<float> data)
    {
        if (placeholder.Producer.Op is not Placeholder || !_views.TryGetValue(placeholder, out var view))
            throw new ArgumentException($"{placeholder} is not an input of this executable.", nameof(placeholder));
        if (data.Length != view.Length)
            throw new ArgumentException($"Input '{placeholder.Producer.Name}' expects {view.Length} values for shape {view.Shape}, got {data.Length}.", nameof(data));
        data.CopyTo(view.Span);
    }

    public void Run()
    {
        for (int s = 0; s < _kernels.Length; s++) _kernels[s].Execute(_arguments[s]);
    }

    public void GetOutput(Value output, Span<float> destination)
    {
        if (!_views.TryGetValue(output, out var view) || Plan.LastUse(output) != int.MaxValue)
            throw new ArgumentException($"{output} is not an output of this executable; list it when creating the plan.", nameof(output));
        if (destination.Length != view.Length)
            throw new ArgumentException($"Output {output} has {view.Length} values for shape {view.Shape}; the destination holds {destination.Length}.", nameof(destination));
        view.Span.CopyTo(destination);
    }

    public void Dispose() { }
}
