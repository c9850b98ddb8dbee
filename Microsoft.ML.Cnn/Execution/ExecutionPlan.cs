// A graph made ready to run for one batch size: pruned to what the requested values need, in
// topological order, with concrete shapes and value lifetimes for memory planning.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Execution;

/// <summary>Binds a parameter's gradient value to the parameter store's gradient buffer.</summary>
public readonly record struct GradientBinding(Parameter Parameter, Value Gradient);

/// <summary>The backend-independent part of compiling a graph: what runs, in which order, with which shapes.</summary>
public sealed class ExecutionPlan
{
    private readonly int[] _lastUse;
    private readonly int[] _definedAt;

    private ExecutionPlan(ComputationGraph graph, int batchSize, IReadOnlyList<Node> steps, IReadOnlyList<Value> outputs,
        IReadOnlyList<GradientBinding> gradients, int[] definedAt, int[] lastUse)
    {
        Graph = graph;
        BatchSize = batchSize;
        Steps = steps;
        Outputs = outputs;
        Gradients = gradients;
        _definedAt = definedAt;
        _lastUse = lastUse;
        Inputs = steps.Where(n => n.Op is Placeholder).Select(n => n.Outputs[0]).ToArray();
    }

    public ComputationGraph Graph { get; }

    public int BatchSize { get; }

    /// <summary>The nodes to run, in order (leaves included, so every value has a producing step).</summary>
    public IReadOnlyList<Node> Steps { get; }

    /// <summary>Values the caller reads after a run.</summary>
    public IReadOnlyList<Value> Outputs { get; }

    /// <summary>Placeholder values the caller sets before a run.</summary>
    public IReadOnlyList<Value> Inputs { get; }

    /// <summary>Parameter gradients written into the parameter store by each run.</summary>
    public IReadOnlyList<GradientBinding> Gradients { get; }

    /// <summary>The value's shape with the batch dimension bound.</summary>
    public Shape ShapeOf(Value value) => value.Shape.WithBatch(BatchSize);

    /// <summary>Index of the step that produces the value, or -1 when the value is not computed.</summary>
    public int DefinedAt(Value value) => _definedAt[value.Id];

    /// <summary>Index of the last step that reads the value; int.MaxValue when the caller reads it after the run.</summary>
    public int LastUse(Value value) => _lastUse[value.Id];

    /// <summary>
    /// Steps [First, Last] during which the value's buffer must hold it, for memory planning. A placeholder lives for
    /// the whole run: SetInput writes it before the run, and a later run may reuse it without setting it again.
    /// Values the caller reads after the run live to <c>Steps.Count</c>.
    /// </summary>
    public (int First, int Last) Lifetime(Value value)
    {
        if (value.Producer.Op is Placeholder) return (0, Steps.Count);
        int first = DefinedAt(value), last = LastUse(value);
        return (first, last == int.MaxValue ? Steps.Count : Math.Max(last, first));
    }

    /// <summary>Plans the nodes needed for <paramref name="outputs"/> and the gradient bindings.</summary>
    public static ExecutionPlan Create(ComputationGraph graph, int batchSize, IReadOnlyList<Value> outputs,
        IReadOnlyList<GradientBinding>? gradients = null)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        gradients ??= [];
        var needed = new bool[graph.Nodes.Count];
        var stack = new Stack<Node>(outputs.Select(v => v.Producer).Concat(gradients.Select(g => g.Gradient.Producer)));
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (needed[node.Id]) continue;
            needed[node.Id] = true;
            foreach (var input in node.Inputs) stack.Push(input.Producer);
        }

        var steps = graph.Nodes.Where(n => needed[n.Id]).ToArray();
        var definedAt = Enumerable.Repeat(-1, graph.Values.Count).ToArray();
        var lastUse = Enumerable.Repeat(-1, graph.Values.Count).ToArray();
        for (int s = 0; s < steps.Length; s++)
        {
            foreach (var input in steps[s].Inputs) lastUse[input.Id] = s;
            foreach (var output in steps[s].Outputs) { definedAt[output.Id] = s; lastUse[output.Id] = Math.Max(lastUse[output.Id], s); }
        }
        foreach (var v in outputs) lastUse[v.Id] = int.MaxValue;
        foreach (var g in gradients)
        {
            if (g.Gradient.Shape != g.Parameter.Shape)
                throw new ArgumentException($"Gradient {g.Gradient} does not match parameter {g.Parameter}.", nameof(gradients));
            lastUse[g.Gradient.Id] = int.MaxValue;
        }
        return new ExecutionPlan(graph, batchSize, steps, outputs.ToArray(), gradients.ToArray(), definedAt, lastUse);
    }
}
