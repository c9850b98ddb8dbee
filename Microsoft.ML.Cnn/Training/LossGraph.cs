// The network's graph with labels and a loss attached (and, for training, the backward pass), compiled once per
// distinct batch size into steps that run a batch without allocating.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Training;

/// <summary>
/// network(input) → output, loss(output, labels[, sample weights]), and in training mode the parameter gradients.
/// </summary>
internal sealed class LossGraph : IDisposable
{
    private readonly Dictionary<int, LossStep> _steps = [];
    private readonly IBackend _backend;
    private readonly IParameterStore _store;

    /// <summary>Builds the network's graph for <paramref name="mode"/> with labels and <paramref name="loss"/> attached.</summary>
    /// <param name="network">The network (one input, one output).</param>
    /// <param name="loss">The objective emitted on the output.</param>
    /// <param name="mode">Training (adds the backward pass) or inference.</param>
    /// <param name="backend">Compiles the steps.</param>
    /// <param name="store">Holds the parameters the steps read (and, in training, their gradients).</param>
    /// <param name="sampleWeights">Whether the loss takes a weight per sample (a [N] placeholder).</param>
    public LossGraph(Network network, Loss loss, NetworkMode mode, IBackend backend, IParameterStore store, bool sampleWeights = false)
    {
        if (network.Inputs.Count != 1 || network.Outputs.Count != 1)
            throw new NotSupportedException($"The trainer supports networks with one input and one output; this one has {network.Inputs.Count} and {network.Outputs.Count}.");
        _backend = backend;
        _store = store;
        Loss = loss;
        var built = network.BuildGraph(mode);
        Graph = built.Graph;
        Input = built.Inputs[0];
        Output = built.Outputs[0];
        var labelShape = loss.LabelSampleShape(network.OutputShape);
        using (Graph.Scope("labels"))
            Labels = Graph.Emit(new Placeholder("labels", Shape.Batched(labelShape.ToArray())));
        if (sampleWeights)
        {
            using (Graph.Scope("sample_weights"))
                Weights = Graph.Emit(new Placeholder("sample_weights", Shape.Batched()));
        }
        using (Graph.Scope("loss"))
            LossValue = loss.Emit(Graph, Output, Labels, Weights);
        Statistics = mode == NetworkMode.Training ? built.Context.BatchStatistics.ToArray() : [];

        if (mode != NetworkMode.Training)
        {
            Bindings = [];
            return;
        }
        var trained = built.Context.ParameterValues.Where(read => read.Key.RequiresGradient).ToArray();
        var gradients = ReverseMode.Gradients(Graph, LossValue, trained.Select(read => read.Value).ToArray());
        Bindings = trained.Select((read, i) => new GradientBinding(read.Key, gradients[i])).ToArray();
    }

    public ComputationGraph Graph { get; }

    public Loss Loss { get; }

    public Value Input { get; }

    public Value Output { get; }

    public Value Labels { get; }

    /// <summary>The per-sample weights placeholder, or null when the loss is unweighted.</summary>
    public Value? Weights { get; }

    public Value LossValue { get; }

    public IReadOnlyList<BatchStatisticsUpdate> Statistics { get; }

    public IReadOnlyList<GradientBinding> Bindings { get; }

    /// <summary>The step compiled for <paramref name="batchSize"/>, compiling it on first use.</summary>
    public LossStep StepFor(int batchSize)
    {
        if (!_steps.TryGetValue(batchSize, out var step))
        {
            var outputs = new List<Value> { LossValue, Output };
            foreach (var s in Statistics) { outputs.Add(s.BatchMean); outputs.Add(s.BatchVariance); }
            var plan = ExecutionPlan.Create(Graph, batchSize, outputs, Bindings);
            step = new LossStep(this, _backend.Compile(plan, _store), batchSize);
            _steps[batchSize] = step;
        }
        return step;
    }

    public void Dispose()
    {
        foreach (var step in _steps.Values) step.Dispose();
        _steps.Clear();
    }
}

/// <summary>One compiled batch size: buffers for the batch and its outputs, reused every run.</summary>
internal sealed class LossStep : IDisposable
{
    private readonly LossGraph _graph;
    private readonly IExecutable _executable;
    private readonly float[] _outputs, _loss = new float[1];
    private readonly float[][] _means, _variances;
    private readonly int[] _countPerChannel;

    public LossStep(LossGraph graph, IExecutable executable, int batchSize)
    {
        _graph = graph;
        _executable = executable;
        var plan = executable.Plan;
        BatchSize = batchSize;
        _outputs = new float[plan.ShapeOf(graph.Output).ElementCount];
        var statistics = graph.Statistics;
        _means = new float[statistics.Count][];
        _variances = new float[statistics.Count][];
        _countPerChannel = new int[statistics.Count];
        for (int i = 0; i < statistics.Count; i++)
        {
            _means[i] = new float[plan.ShapeOf(statistics[i].BatchMean).ElementCount];
            _variances[i] = new float[_means[i].Length];
            _countPerChannel[i] = plan.ShapeOf(statistics[i].BatchMean.Producer.Inputs[0]).ElementCount / _means[i].Length;
        }
    }

    public int BatchSize { get; }

    /// <summary>The outputs of the last run, [BatchSize, ...outputSample].</summary>
    public ReadOnlySpan<float> Outputs => _outputs;

    /// <summary>
    /// Runs one batch of exactly <see cref="BatchSize"/> samples (weights only when the graph has them); returns its
    /// (weighted) mean loss and counts correct predictions (0 without accuracy).
    /// </summary>
    public double Run(ReadOnlySpan<float> features, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights, out int correct)
    {
        _executable.SetInput(_graph.Input, features);
        _executable.SetInput(_graph.Labels, labels);
        if (_graph.Weights is { } placeholder) _executable.SetInput(placeholder, weights);
        _executable.Run();
        _executable.GetOutput(_graph.LossValue, _loss);
        correct = 0;
        if (_graph.Loss.HasAccuracy)
        {
            _executable.GetOutput(_graph.Output, _outputs);
            correct = _graph.Loss.CountCorrect(_outputs, labels, BatchSize);
        }
        return _loss[0];
    }

    /// <summary>
    /// Folds the last run's batch statistics into the running statistics, as PyTorch does:
    /// running = (1 - m) running + m batch, with the unbiased batch variance (times n / (n - 1)).
    /// </summary>
    public void UpdateRunningStatistics(IParameterStore store)
    {
        var statistics = _graph.Statistics;
        for (int i = 0; i < statistics.Count; i++)
        {
            var update = statistics[i];
            _executable.GetOutput(update.BatchMean, _means[i]);
            _executable.GetOutput(update.BatchVariance, _variances[i]);
            Span<float> runningMean = store.Values(update.RunningMean), runningVariance = store.Values(update.RunningVariance);
            int n = _countPerChannel[i];
            float unbias = n > 1 ? (float)n / (n - 1) : 1f, m = update.Momentum;
            float[] mean = _means[i], variance = _variances[i];
            for (int c = 0; c < mean.Length; c++)
            {
                runningMean[c] = (1f - m) * runningMean[c] + m * mean[c];
                runningVariance[c] = (1f - m) * runningVariance[c] + m * variance[c] * unbias;
            }
        }
    }

    public void Dispose() => _executable.Dispose();
}
