// A declared network: the DAG of layer applications between inputs and outputs, its parameters
// (the trained weights), and the lowering of the DAG to a computation graph for training or inference.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>The result of lowering a network: the graph, its input placeholders and outputs, and the layer context.</summary>
public sealed record NetworkGraph(ComputationGraph Graph, IReadOnlyList<Value> Inputs, IReadOnlyList<Value> Outputs, LayerContext Context);

/// <summary>
/// A convolutional network built with the functional API (<see cref="Input"/>, <see cref="Layer.Call"/>) or
/// <see cref="Sequential"/>. It holds its weights; trainers and predictors compile it for a backend.
/// </summary>
public sealed class Network
{
    private readonly List<SymbolicTensor> _applications = [];
    private readonly List<Layer> _layers = [];

    public Network(SymbolicTensor input, SymbolicTensor output, long seed = 0) : this([input], [output], seed) { }

    /// <summary>Collects the layers between <paramref name="inputs"/> and <paramref name="outputs"/> and initializes weights from <paramref name="seed"/>.</summary>
    public Network(IReadOnlyList<SymbolicTensor> inputs, IReadOnlyList<SymbolicTensor> outputs, long seed = 0)
    {
        if (inputs.Count == 0 || outputs.Count == 0) throw new ArgumentException("A network needs at least one input and one output.");
        if (inputs.Any(t => t.Layer is not null)) throw new ArgumentException("Network inputs must come from Network.Input.", nameof(inputs));
        Inputs = inputs.ToArray();
        Outputs = outputs.ToArray();
        var visited = new HashSet<SymbolicTensor>();
        foreach (var output in outputs) Visit(output, visited);
        foreach (var application in _applications)
        {
            if (application.Layer is null && !inputs.Contains(application))
                throw new ArgumentException($"Output depends on input '{application.InputName}', which is not among the network's inputs.", nameof(inputs));
        }
        Parameters = _layers.SelectMany(l => l.Parameters).ToArray();
        var duplicate = Parameters.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Parameter name '{duplicate.Key}' is used twice.");
        InitializeWeights(seed);
    }

    /// <summary>A network input with per-sample dimensions, e.g. <c>Network.Input(1, 28, 28)</c>.</summary>
    public static SymbolicTensor Input(params int[] sampleShape) => SymbolicTensor.Input(new Shape(sampleShape));

    /// <summary>A chain of layers, each applied to the previous one's output.</summary>
    public static Network Sequential(int[] inputShape, IEnumerable<Layer> layers, long seed = 0)
    {
        var input = Input(inputShape);
        var x = input;
        foreach (var layer in layers) x = layer.Call(x);
        return new Network(input, x, seed);
    }

    public IReadOnlyList<SymbolicTensor> Inputs { get; }

    public IReadOnlyList<SymbolicTensor> Outputs { get; }

    /// <summary>Distinct layers in topological order.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>Layer applications (and inputs) in topological order.</summary>
    public IReadOnlyList<SymbolicTensor> Applications => _applications;

    /// <summary>Every parameter, in layer order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Per-sample shape of the first input, e.g. (1, 28, 28).</summary>
    public Shape InputShape => Inputs[0].Shape.SampleShape;

    /// <summary>Per-sample shape of the first output, e.g. (10).</summary>
    public Shape OutputShape => Outputs[0].Shape.SampleShape;

    /// <summary>The layer with this name.</summary>
    public Layer GetLayer(string name) =>
        _layers.FirstOrDefault(l => l.Name == name)
        ?? throw new KeyNotFoundException($"No layer is named '{name}'. Layers: {string.Join(", ", _layers.Select(l => l.Name))}.");

    /// <summary>
    /// The layer named <paramref name="nameOrModule"/>, or else, as a PyTorch module path, every layer under it: the
    /// full-size presets name layers after torchvision's modules, so "layer3" is every layer of a ResNet's third stage
    /// ("layer3.0.conv1", ...). Empty when neither matches.
    /// </summary>
    public IReadOnlyList<Layer> FindLayers(string nameOrModule)
    {
        ArgumentNullException.ThrowIfNull(nameOrModule);
        var exact = _layers.Where(l => l.Name == nameOrModule).ToArray();
        return exact.Length > 0 ? exact : _layers.Where(l => l.Name.StartsWith(nameOrModule + ".", StringComparison.Ordinal)).ToArray();
    }

    /// <summary>
    /// Fine-tuning: makes the named layers (or modules, see <see cref="FindLayers"/>) trainable and freezes every other
    /// one (<see cref="Layer.Trainable"/> false: its parameters stay as they are and a frozen BatchNorm normalizes with
    /// its running statistics), e.g. <c>FreezeAllExcept("fc")</c> to train only a new classifier head.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A name is neither a layer nor a module of this network (the message lists the layers).</exception>
    public void FreezeAllExcept(params string[] trainableLayers)
    {
        ArgumentNullException.ThrowIfNull(trainableLayers);
        var keep = trainableLayers.SelectMany(FindLayersOrThrow).ToHashSet();
        foreach (var layer in _layers) layer.Trainable = keep.Contains(layer);
    }

    /// <summary>
    /// Fine-tuning: freezes the named layer (or every layer of the named module, see <see cref="FindLayers"/>) and every
    /// layer its output depends on (the feature extractor up to and including it), e.g. <c>FreezeUpTo("layer3")</c> in a
    /// ResNet; other layers keep their flags.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The name is neither a layer nor a module (the message lists the layers).</exception>
    public void FreezeUpTo(string layerOrModule)
    {
        var last = FindLayersOrThrow(layerOrModule).ToHashSet();
        var pending = new Stack<SymbolicTensor>(_applications.Where(a => a.Layer is not null && last.Contains(a.Layer)));
        var visited = new HashSet<SymbolicTensor>();
        while (pending.TryPop(out var tensor))
        {
            if (!visited.Add(tensor)) continue;
            if (tensor.Layer is not null) tensor.Layer.Trainable = false;
            foreach (var input in tensor.Inputs) pending.Push(input);
        }
    }

    private IReadOnlyList<Layer> FindLayersOrThrow(string nameOrModule)
    {
        var found = FindLayers(nameOrModule);
        return found.Count > 0 ? found
            : throw new KeyNotFoundException($"No layer or module is named '{nameOrModule}'. Layers: {string.Join(", ", _layers.Select(l => l.Name))}.");
    }

    /// <summary>Re-initializes every parameter; the same seed gives bit-identical weights.</summary>
    public void InitializeWeights(long seed)
    {
        for (int i = 0; i < Parameters.Count; i++) Parameters[i].Initialize(SeededRandom.ForStream(seed, i));
    }

    /// <summary>A Keras-like table of layers, output shapes and parameter counts; print it with ToString().</summary>
    public NetworkSummary Summary() => new(this);

    /// <summary>Lowers the network to a computation graph for <paramref name="mode"/>.</summary>
    public NetworkGraph BuildGraph(NetworkMode mode)
    {
        var graph = new ComputationGraph();
        var context = new LayerContext(graph, mode);
        var values = new Dictionary<SymbolicTensor, Value>();
        foreach (var tensor in _applications)
        {
            if (tensor.Layer is null)
            {
                using (graph.Scope(tensor.InputName!))
                    values[tensor] = graph.Emit(new Placeholder(tensor.InputName!, tensor.Shape));
                continue;
            }
            using (graph.Scope(tensor.Layer.Name))
                values[tensor] = tensor.Layer.Forward(context, tensor.Inputs.Select(t => values[t]).ToArray());
        }
        return new NetworkGraph(graph, Inputs.Select(t => values[t]).ToArray(), Outputs.Select(t => values[t]).ToArray(), context);
    }

    private void Visit(SymbolicTensor tensor, HashSet<SymbolicTensor> visited)
    {
        if (!visited.Add(tensor)) return;
        foreach (var input in tensor.Inputs) Visit(input, visited);
        _applications.Add(tensor);
        if (tensor.Layer is not null && !_layers.Contains(tensor.Layer)) _layers.Add(tensor.Layer);
    }
}
