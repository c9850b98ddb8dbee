// Runs one op through the real path: graph with placeholder inputs, execution plan, a backend's compile, run.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

/// <summary>
/// One op compiled on one backend. <see cref="ForGradients"/> also appends a loss and the reverse pass:
/// a scalar output is the loss itself; otherwise the loss is MeanSquaredError(y, targets), whose gradient
/// dL/dy = 2 (y - targets) / count is the cotangent the op's backward receives.
/// </summary>
internal sealed class OpRunner : IDisposable
{
    private readonly IParameterStore _store;
    private readonly IExecutable _executable;
    private readonly Value[] _placeholders;
    private readonly Value? _targets;
    private readonly Value?[] _gradients;

    private OpRunner(IBackend backend, Op op, IReadOnlyList<InputSpec> inputs, bool withGradients)
    {
        var graph = new ComputationGraph();
        _placeholders = inputs.Select((input, i) => graph.Emit(new Placeholder($"input{i}", input.GraphShape))).ToArray();
        Node = graph.EmitNode(op, _placeholders);
        var outputs = Node.Outputs.ToList();
        _gradients = new Value?[inputs.Count];
        if (withGradients)
        {
            var y = Node.Outputs[0];
            Value loss = y;
            if (y.Shape.Rank > 0)
            {
                _targets = graph.Emit(new Placeholder("targets", y.Shape));
                loss = graph.Emit(new MeanSquaredError(), y, _targets);
            }
            var wrt = Enumerable.Range(0, inputs.Count).Where(i => inputs[i].Differentiable).ToArray();
            var grads = ReverseMode.Gradients(graph, loss, wrt.Select(i => _placeholders[i]).ToArray());
            for (int k = 0; k < wrt.Length; k++) _gradients[wrt[k]] = grads[k];
            outputs.AddRange(grads);
        }

        int batch = inputs.FirstOrDefault(i => i.PerSample)?.Shape[0] ?? 1;
        Plan = ExecutionPlan.Create(graph, batch, outputs.Distinct().ToArray());
        _store = backend.CreateParameterStore([]);
        _executable = backend.Compile(Plan, _store);
    }

    public Node Node { get; }

    public ExecutionPlan Plan { get; }

    /// <summary>Compiles the op's forward pass only.</summary>
    public static OpRunner ForForward(IBackend backend, Op op, IReadOnlyList<InputSpec> inputs) => new(backend, op, inputs, false);

    /// <summary>Compiles the op, a loss on its first output and the gradients of the differentiable inputs.</summary>
    public static OpRunner ForGradients(IBackend backend, Op op, IReadOnlyList<InputSpec> inputs) => new(backend, op, inputs, true);

    /// <summary>Whether the loss is MeanSquaredError against targets (false when the op's output is already a scalar).</summary>
    public bool HasTargets => _targets is not null;

    /// <summary>Sets every input (and the loss targets when there are some) and runs the plan.</summary>
    public void Run(float[][] inputs, float[]? targets = null)
    {
        for (int i = 0; i < _placeholders.Length; i++) _executable.SetInput(_placeholders[i], inputs[i]);
        if (_targets is not null)
            _executable.SetInput(_targets, targets ?? throw new ArgumentNullException(nameof(targets), "This runner's loss needs targets."));
        _executable.Run();
    }

    /// <summary>Output <paramref name="index"/> of the op after the last run.</summary>
    public float[] Output(int index = 0) => Read(Node.Outputs[index]);

    /// <summary>All outputs of the op after the last run.</summary>
    public float[][] Outputs() => Node.Outputs.Select(Read).ToArray();

    /// <summary>dLoss/d input <paramref name="index"/> after the last run (differentiable inputs only).</summary>
    public float[] Gradient(int index) =>
        Read(_gradients[index] ?? throw new ArgumentException($"Input {index} is not differentiated.", nameof(index)));

    /// <summary>Runs the op once and returns all its outputs.</summary>
    public static float[][] Evaluate(IBackend backend, Op op, IReadOnlyList<InputSpec> specs, float[][] inputs)
    {
        using var runner = ForForward(backend, op, specs);
        runner.Run(inputs);
        return runner.Outputs();
    }

    private float[] Read(Value value)
    {
        var result = new float[Plan.ShapeOf(value).ElementCount];
        _executable.GetOutput(value, result);
        return result;
    }

    public void Dispose()
    {
        _executable.Dispose();
        _store.Dispose();
    }
}
