// The functional API's handle: the output of an input or of a layer application, with its inferred shape.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>
/// A not-yet-computed tensor in a network being declared: <c>var x = Network.Input(1, 28, 28); x = conv.Call(x);</c>.
/// Its <see cref="Shape"/> is known at once, so a shape that breaks fails at the line that declared the layer.
/// </summary>
public sealed class SymbolicTensor
{
    private SymbolicTensor(Layer? layer, SymbolicTensor[] inputs, Shape shape, NameRegistry names, string? inputName)
    {
        Layer = layer;
        Inputs = inputs;
        Shape = shape;
        Names = names;
        InputName = inputName;
    }

    /// <summary>The layer that produced this tensor, or null for a network input.</summary>
    public Layer? Layer { get; }

    public IReadOnlyList<SymbolicTensor> Inputs { get; }

    /// <summary>The shape with the symbolic batch first, e.g. (N, 32, 26, 26).</summary>
    public Shape Shape { get; }

    /// <summary>For a network input, its name.</summary>
    public string? InputName { get; }

    internal NameRegistry Names { get; }

    /// <summary>A network input with per-sample dimensions, e.g. (1, 28, 28) for a grayscale image.</summary>
    public static SymbolicTensor Input(Shape sampleShape, string name = "input")
    {
        if (sampleShape.Rank == 0 || sampleShape.AsSpan().ContainsAnyExceptInRange(1, int.MaxValue))
            throw new ArgumentException($"An input needs positive per-sample dimensions, got {sampleShape}.", nameof(sampleShape));
        return new SymbolicTensor(null, [], Shape.Batched(sampleShape.ToArray()), new NameRegistry(), name);
    }

    internal static SymbolicTensor Apply(Layer layer, SymbolicTensor[] inputs)
    {
        var (min, max) = layer.InputCount;
        if (inputs.Length < min || inputs.Length > max)
            throw new ArgumentException($"{layer.TypeName} takes {(min == max ? min.ToString() : $"{min} to {max}")} input(s), got {inputs.Length}.", nameof(inputs));
        var names = inputs[0].Names;
        if (inputs.Any(t => t.Names != names))
            throw new ArgumentException($"The inputs of {layer.TypeName} come from different networks; wire layers from one Network.Input.", nameof(inputs));
        names.Register(layer);

        var shapes = inputs.Select(t => t.Shape).ToArray();
        try
        {
            layer.EnsureBuilt(shapes);
        }
        catch (ShapeRuleException e)
        {
            throw new ShapeInferenceException(layer.Name, layer.TypeName, shapes, e.Message);
        }

        // Emit the layer into a scratch graph: its ops' shape rules check the wiring now, naming the layer.
        var graph = new ComputationGraph();
        var placeholders = shapes.Select((s, i) => graph.Emit(new Placeholder($"in{i}", s))).ToArray();
        Value output;
        using (graph.Scope(layer.Name))
            output = layer.Forward(new LayerContext(graph, NetworkMode.Inference), placeholders);
        return new SymbolicTensor(layer, inputs, output.Shape, names, null);
    }

    public override string ToString() => Layer is null ? $"{InputName} {Shape}" : $"{Layer.Name} {Shape}";
}

/// <summary>Gives unnamed layers of one network names like "conv2d_1" and rejects duplicate names.</summary>
internal sealed class NameRegistry
{
    private readonly Dictionary<string, Layer> _byName = [];
    private readonly Dictionary<string, int> _counts = [];

    public void Register(Layer layer)
    {
        if (_byName.TryGetValue(layer.Name, out var existing) && ReferenceEquals(existing, layer)) return; // shared layer applied again
        if (layer.ExplicitName is null && layer.AssignedName is null)
        {
            string prefix = layer.TypeName.ToLowerInvariant();
            string candidate;
            do
            {
                _counts[prefix] = _counts.GetValueOrDefault(prefix) + 1;
                candidate = $"{prefix}_{_counts[prefix]}";
            } while (_byName.ContainsKey(candidate));
            layer.AssignedName = candidate;
        }
        if (_byName.TryGetValue(layer.Name, out existing) && !ReferenceEquals(existing, layer))
            throw new ArgumentException($"Two layers are named '{layer.Name}'; layer names must be unique within a network.");
        _byName[layer.Name] = layer;
    }
}
