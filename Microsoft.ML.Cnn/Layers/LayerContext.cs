// What a layer sees while emitting ops: the graph, the mode, and its parameters as graph values.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>Whether a graph is built for training (dropout on, batch statistics) or inference.</summary>
public enum NetworkMode
{
    Inference,
    Training,
}

/// <summary>A batch-norm layer's batch statistics, which training folds into its running statistics after each step.</summary>
public sealed record BatchStatisticsUpdate(Parameter RunningMean, Parameter RunningVariance, Value BatchMean, Value BatchVariance, float Momentum);

/// <summary>The state shared by the layers of one graph being built.</summary>
public sealed class LayerContext
{
    private readonly Dictionary<Parameter, Value> _reads = [];
    private readonly List<BatchStatisticsUpdate> _statistics = [];

    public LayerContext(ComputationGraph graph, NetworkMode mode)
    {
        Graph = graph;
        Mode = mode;
    }

    public ComputationGraph Graph { get; }

    public NetworkMode Mode { get; }

    public bool IsTraining => Mode == NetworkMode.Training;

    /// <summary>Batch statistics registered by batch-norm layers in training mode.</summary>
    public IReadOnlyList<BatchStatisticsUpdate> BatchStatistics => _statistics;

    /// <summary>Every parameter read by the graph, with its value.</summary>
    public IReadOnlyDictionary<Parameter, Value> ParameterValues => _reads;

    /// <summary>The graph value of a parameter (one read per graph).</summary>
    public Value Read(Parameter parameter)
    {
        if (!_reads.TryGetValue(parameter, out var value))
        {
            using (Graph.Scope(parameter.Name))
                value = Graph.Emit(new ParameterRead(parameter));
            _reads[parameter] = value;
        }
        return value;
    }

    /// <summary>Emits a single-output op.</summary>
    public Value Emit(Op op, params Value[] inputs) => Graph.Emit(op, inputs);

    /// <summary>Emits a multi-output op.</summary>
    public IReadOnlyList<Value> EmitMany(Op op, params Value[] inputs) => Graph.EmitNode(op, inputs).Outputs;

    /// <summary>Registers batch statistics for the running-statistics update after each training step.</summary>
    public void AddBatchStatistics(BatchStatisticsUpdate update) => _statistics.Add(update);
}
