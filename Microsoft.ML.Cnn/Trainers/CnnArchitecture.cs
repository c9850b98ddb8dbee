// Which network a Cnn trainer trains: a ready-made preset, a factory given the input shape and output count, or a
// given network (copied for every Fit, so fitting twice never continues one run's weights in another).
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Persistence;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>
/// The network a Cnn trainer builds for each <c>Fit</c>, once the feature column's shape and the number of outputs
/// (classes, or 1 for binary classification and regression) are known. Networks end in raw outputs (logits): the
/// trainers add the loss and the transformers the softmax or sigmoid.
/// </summary>
/// <example><code>
/// CnnArchitecture a = ArchitecturePreset.SmallResNet;                          // a preset (implicit conversion)
/// var b = CnnArchitecture.FromFactory((input, outputs) => Network.Sequential(input.ToArray(),
///     [new Conv2D(8, 3, activation: Activation.Relu), new MaxPool2D(2), new Flatten(), new Dense(outputs)]));
/// var c = CnnArchitecture.FromNetwork(myNetwork);                               // copied, then trained
/// </code></example>
public sealed class CnnArchitecture
{
    private readonly ArchitecturePreset? _preset;
    private readonly Func<Shape, int, Network>? _factory;
    private readonly Network? _network;

    private CnnArchitecture(ArchitecturePreset? preset, Func<Shape, int, Network>? factory, Network? network)
    {
        _preset = preset;
        _factory = factory;
        _network = network;
    }

    /// <summary>The architecture used when none is given: <see cref="ArchitecturePreset.SeedCnn"/> (images of at least 10x10).</summary>
    public static CnnArchitecture Default { get; } = FromPreset(ArchitecturePreset.SeedCnn);

    /// <summary>A ready-made network of <see cref="ArchitectureCatalog"/>, built for (C, H, W) inputs and initialized from the trainer's seed.</summary>
    public static CnnArchitecture FromPreset(ArchitecturePreset preset)
    {
        if (!Enum.IsDefined(preset))
            throw new ArgumentOutOfRangeException(nameof(preset), preset, $"Unknown preset; use one of {string.Join(", ", Enum.GetNames<ArchitecturePreset>())}.");
        return new CnnArchitecture(preset, null, null);
    }

    /// <summary>
    /// A network built by <paramref name="factory"/> for each Fit from the per-sample input shape (e.g. (3, 32, 32))
    /// and the number of outputs; its weights are used as the factory initialized them.
    /// </summary>
    public static CnnArchitecture FromFactory(Func<Shape, int, Network> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new CnnArchitecture(null, factory, null);
    }

    /// <summary>
    /// This network (its architecture and current weights), copied through <see cref="NetworkSerializer"/> for each Fit
    /// so the given object is never changed. Its input must match the feature column and its output the label.
    /// </summary>
    public static CnnArchitecture FromNetwork(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new CnnArchitecture(null, null, network);
    }

    /// <summary>A preset as an architecture, so <c>architecture: ArchitecturePreset.SmallVgg</c> reads naturally.</summary>
    public static implicit operator CnnArchitecture(ArchitecturePreset preset) => FromPreset(preset);

    /// <summary>The preset, or null for a factory or a given network.</summary>
    public ArchitecturePreset? Preset => _preset;

    /// <inheritdoc/>
    public override string ToString() =>
        _preset is { } preset ? $"preset {preset}" : _factory is not null ? "factory-built network" : $"given network ({_network!.Layers.Count} layers)";

    /// <summary>
    /// The network for samples of <paramref name="inputShape"/> and <paramref name="outputs"/> outputs.
    /// </summary>
    /// <exception cref="ShapeInferenceException">A layer does not fit the input (names the layer).</exception>
    /// <exception cref="ArgumentException">The input or output shape does not fit the network.</exception>
    internal Network Build(Shape inputShape, int outputs, long seed)
    {
        Network network;
        if (_preset is { } preset) network = ArchitectureCatalog.Create(preset, inputShape.ToArray(), outputs, seed);
        else if (_factory is not null) network = _factory(inputShape, outputs) ?? throw new InvalidOperationException("The architecture factory returned null; return a Network.");
        else network = Copy(_network!);
        if (network.Inputs.Count != 1 || network.Outputs.Count != 1)
            throw new ArgumentException($"The {this} has {network.Inputs.Count} inputs and {network.Outputs.Count} outputs; a Cnn trainer needs one of each.");
        if (network.InputShape != inputShape)
            throw new ArgumentException($"The {this} takes samples of shape {network.InputShape}, not {inputShape}.");
        if (network.OutputShape != new Shape(outputs))
            throw new ArgumentException($"The {this} outputs {network.OutputShape} per sample; this task needs ({outputs}): end the network with Dense({outputs}) and no activation.");
        return network;
    }

    private static Network Copy(Network network)
    {
        using var buffer = new MemoryStream();
        try
        {
            NetworkSerializer.Save(network, buffer);
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException($"CnnArchitecture.FromNetwork copies the network for each Fit, which needs every layer to be serializable: {e.Message} Use CnnArchitecture.FromFactory to build a fresh network instead.", e);
        }
        buffer.Position = 0;
        return NetworkSerializer.Load(buffer);
    }
}
