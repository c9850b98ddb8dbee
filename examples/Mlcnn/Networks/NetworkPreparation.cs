// The network `mlcnn train` hands the trainer: the chosen architecture built for the data's input shape and class
// count, then (when asked) filled from a PyTorch weights file and partly frozen, with what happened said as it happens.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Mlcnn.Networks;

/// <summary>Architecture + optional weights + optional freezing, as one trainer architecture.</summary>
/// <remarks>The trainer builds the network inside Fit, once the feature shape and the class count are known.</remarks>
internal sealed class NetworkPreparation
{
    private readonly ArchitectureChoice _architecture;
    private readonly LayerFreezing? _freezing;
    private readonly int _seed;

    /// <param name="architecture">The --architecture choice.</param>
    /// <param name="weights">The --weights file, or null.</param>
    /// <param name="freezing">--train-only / --freeze-up-to, or null.</param>
    /// <param name="seed">The run's seed (initial weights).</param>
    public NetworkPreparation(ArchitectureChoice architecture, PretrainedWeights? weights, LayerFreezing? freezing, int seed)
    {
        _architecture = architecture;
        Weights = weights;
        _freezing = freezing;
        _seed = seed;
    }

    /// <summary>The weights file, or null.</summary>
    public PretrainedWeights? Weights { get; }

    /// <summary>The import report once the network was built with weights; null before, or without --weights.</summary>
    public WeightTransferReport? Imported { get; private set; }

    /// <summary>What trains, once the network was built with freezing; null before, or without freezing.</summary>
    public string? FreezingSummary { get; private set; }

    /// <summary>
    /// The trainer's architecture: the plain choice when there is nothing to import or freeze, else a factory that builds
    /// the choice, imports, freezes and writes what it did to <paramref name="say"/>.
    /// </summary>
    public CnnArchitecture ToCnnArchitecture(Action<string> say) => Weights is null && _freezing is null
        ? _architecture.ToCnnArchitecture(_seed)
        : CnnArchitecture.FromFactory((shape, classes) => Build(shape, classes, say));

    /// <summary>Builds the network for one input shape and class count, imports and freezes.</summary>
    /// <exception cref="UsageException">Nothing of the weights file matched, or a layer name is unknown.</exception>
    public Network Build(Shape inputShape, int classes, Action<string> say)
    {
        var network = _architecture.Build(inputShape.ToArray(), classes, _seed);
        string architecture = _architecture.ToString();
        // Freezing first: it only sets flags, so a wrong layer name fails before the (possibly large) import.
        string? freezing = _freezing?.Apply(network, architecture);
        if (Weights is not null)
        {
            var report = Weights.ImportInto(network, architecture);
            foreach (string line in Weights.Describe(report)) say(line);
            Imported = report;
        }
        if (freezing is not null) say(freezing);
        FreezingSummary = freezing;
        return network;
    }
}
