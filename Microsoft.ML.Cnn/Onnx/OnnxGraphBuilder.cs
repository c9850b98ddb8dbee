// Collects the nodes and initializers of the graph being exported and hands out tensor names that are unique in it
// (ONNX requires every tensor name to be defined once).
namespace Microsoft.ML.Cnn.Onnx;

internal sealed class OnnxGraphBuilder
{
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private readonly HashSet<string> _tensorNames = [];
    private readonly HashSet<string> _nodeNames = [];

    public IReadOnlyList<OnnxNode> Nodes => _nodes;

    public IReadOnlyList<OnnxTensor> Initializers => _initializers;

    /// <summary>Reserves a name chosen by the caller (a graph input or output); fails when it is taken.</summary>
    public string Claim(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_tensorNames.Add(name))
            throw new ArgumentException($"The ONNX tensor name '{name}' is used twice; give the model's input and outputs distinct names.");
        return name;
    }

    /// <summary><paramref name="prefix"/> itself when free, else the first free "prefix_1", "prefix_2", ...</summary>
    public string Fresh(string prefix) => Unique(_tensorNames, prefix);

    /// <summary>Adds a float initializer (a weight) under a fresh name based on <paramref name="name"/>; returns the name.</summary>
    public string AddInitializer(string name, IReadOnlyList<long> dims, ReadOnlySpan<float> values)
    {
        var tensor = OnnxTensor.Float(Fresh(name), dims, values);
        _initializers.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Adds an int64 initializer (a shape) under a fresh name based on <paramref name="name"/>; returns the name.</summary>
    public string AddInitializer(string name, IReadOnlyList<long> dims, ReadOnlySpan<long> values)
    {
        var tensor = OnnxTensor.Int64(Fresh(name), dims, values);
        _initializers.Add(tensor);
        return tensor.Name;
    }

    /// <summary>
    /// Adds a node named after <paramref name="scope"/> (the layer or step that emitted it) with one output: the claimed
    /// <paramref name="output"/>, or a fresh "scope/OpType" name. Returns the output's name.
    /// </summary>
    public string AddNode(string opType, string scope, IReadOnlyList<string> inputs, string? output, params OnnxAttribute[] attributes)
    {
        string name = Unique(_nodeNames, $"{scope}/{opType}");
        string result = output ?? Fresh(name);
        _nodes.Add(new OnnxNode(opType, name, [.. inputs], [result], attributes));
        return result;
    }

    private static string Unique(HashSet<string> used, string prefix)
    {
        if (used.Add(prefix)) return prefix;
        for (int i = 1; ; i++)
        {
            string candidate = $"{prefix}_{i}";
            if (used.Add(candidate)) return candidate;
        }
    }
}
