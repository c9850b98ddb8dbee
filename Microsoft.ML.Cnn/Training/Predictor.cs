// Inference with a trained network: batched forward passes through one executable per batch size.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Layers;
using System.Numerics.Tensors;

namespace Microsoft.ML.Cnn.Training;

/// <summary>
/// Runs a network in inference mode (dropout off, batch norm on running statistics). It copies the weights into its
/// own parameter store when created: after training the network further, call <see cref="ReloadWeights"/>.
/// </summary>
public sealed class Predictor : IDisposable
{
    private readonly Network _network;
    private readonly IBackend _backend;
    private readonly bool _ownsBackend;
    private readonly IParameterStore _store;
    private readonly NetworkGraph _graph;
    private readonly Dictionary<int, IExecutable> _executables = [];

    /// <param name="network">The trained network (one input, one output).</param>
    /// <param name="backend">The backend to run on; null creates a managed one that the predictor owns.</param>
    /// <param name="maxBatchSize">Samples per forward pass, &gt;= 1.</param>
    public Predictor(Network network, IBackend? backend = null, int maxBatchSize = 256)
        : this(network, backend, ownsBackend: backend is null, maxBatchSize)
    {
    }

    /// <summary>Runs on a backend of <paramref name="kind"/> that the predictor creates and owns.</summary>
    /// <param name="network">The trained network (one input, one output).</param>
    /// <param name="kind">Which backend; <see cref="BackendKind.Auto"/> prefers oneDNN.</param>
    /// <param name="threads">Compute threads; null for every core.</param>
    /// <param name="maxBatchSize">Samples per forward pass, &gt;= 1.</param>
    public Predictor(Network network, BackendKind kind, int? threads = null, int maxBatchSize = 256)
        : this(network, BackendFactory.Create(kind, threads), ownsBackend: true, maxBatchSize)
    {
    }

    private Predictor(Network network, IBackend? backend, bool ownsBackend, int maxBatchSize)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (maxBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(maxBatchSize), maxBatchSize, "The batch size must be at least 1.");
        if (network.Inputs.Count != 1 || network.Outputs.Count != 1)
            throw new NotSupportedException($"The predictor supports networks with one input and one output; this one has {network.Inputs.Count} and {network.Outputs.Count}.");
        _network = network;
        MaxBatchSize = maxBatchSize;
        _ownsBackend = ownsBackend;
        _backend = backend ?? new ManagedBackend();
        _store = _backend.CreateParameterStore(network.Parameters);
        _graph = network.BuildGraph(NetworkMode.Inference);
    }

    public int MaxBatchSize { get; }

    /// <summary>Values per input sample (e.g. 784 for (1, 28, 28)).</summary>
    public int InputSize => _network.InputShape.ElementCount;

    /// <summary>Values per output sample (e.g. 10 class scores).</summary>
    public int OutputSize => _network.OutputShape.ElementCount;

    /// <summary>Copies the network's current <c>Parameter.Data</c> into the predictor's store.</summary>
    public void ReloadWeights()
    {
        foreach (var parameter in _network.Parameters) _store.Upload(parameter);
    }

    /// <summary>The network's raw outputs (logits for classifiers), [count, OutputSize], for inputs [count, InputSize].</summary>
    public float[] Predict(float[] inputs, int count)
    {
        var outputs = new float[checked(count * OutputSize)];
        Predict(inputs, count, outputs);
        return outputs;
    }

    /// <summary>Writes the raw outputs of <paramref name="count"/> samples into <paramref name="outputs"/>.</summary>
    public void Predict(ReadOnlySpan<float> inputs, int count, Span<float> outputs)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "Predict at least one sample.");
        if (inputs.Length != (long)count * InputSize)
            throw new ArgumentException($"{count} samples of shape {_network.InputShape} need {(long)count * InputSize} input values, got {inputs.Length}.", nameof(inputs));
        if (outputs.Length != (long)count * OutputSize)
            throw new ArgumentException($"{count} samples need {(long)count * OutputSize} output values, the destination holds {outputs.Length}.", nameof(outputs));
        for (int start = 0; start < count; start += MaxBatchSize)
        {
            int size = Math.Min(MaxBatchSize, count - start);
            var executable = ExecutableFor(size);
            executable.SetInput(_graph.Inputs[0], inputs.Slice(start * InputSize, size * InputSize));
            executable.Run();
            executable.GetOutput(_graph.Outputs[0], outputs.Slice(start * OutputSize, size * OutputSize));
        }
    }

    /// <summary>Class probabilities: the softmax of each sample's outputs (for networks that end in logits).</summary>
    public float[] PredictProbabilities(float[] inputs, int count)
    {
        var outputs = Predict(inputs, count);
        for (int n = 0; n < count; n++)
        {
            var row = outputs.AsSpan(n * OutputSize, OutputSize);
            TensorPrimitives.SoftMax(row, row);
        }
        return outputs;
    }

    public void Dispose()
    {
        foreach (var executable in _executables.Values) executable.Dispose();
        _executables.Clear();
        _store.Dispose();
        if (_ownsBackend) _backend.Dispose();
    }

    private IExecutable ExecutableFor(int batchSize)
    {
        if (!_executables.TryGetValue(batchSize, out var executable))
        {
            executable = _backend.Compile(ExecutionPlan.Create(_graph.Graph, batchSize, [_graph.Outputs[0]]), _store);
            _executables[batchSize] = executable;
        }
        return executable;
    }
}
