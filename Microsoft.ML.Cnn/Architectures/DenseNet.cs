// DenseNet (Huang et al. 2017) as torchvision builds it: dense blocks where every layer sees all earlier outputs.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>A DenseNet's shape (torchvision's <c>DenseNet</c> arguments); <see cref="DenseNet121"/> by default.</summary>
/// <param name="GrowthRate">Channels each dense layer adds (k in the paper).</param>
/// <param name="BlockConfig">Dense layers in each dense block, e.g. [6, 12, 24, 16].</param>
/// <param name="InitialFeatures">Width of the stem convolution.</param>
/// <param name="BottleneckSize">The 1x1 bottleneck of a dense layer is BottleneckSize x GrowthRate wide (bn_size).</param>
/// <param name="Compression">Fraction of channels a transition keeps, in (0, 1] (θ in the paper; torchvision halves).</param>
public sealed record DenseNetOptions(int GrowthRate, IReadOnlyList<int> BlockConfig, int InitialFeatures, int BottleneckSize = 4, float Compression = 0.5f)
{
    /// <summary>k = 32, blocks [6, 12, 24, 16], 64 initial features: 7,978,856 parameters for 1000 classes.</summary>
    public static DenseNetOptions DenseNet121 { get; } = new(32, [6, 12, 24, 16], 64);

    /// <summary>k = 32, blocks [6, 12, 32, 32], 64 initial features.</summary>
    public static DenseNetOptions DenseNet169 { get; } = new(32, [6, 12, 32, 32], 64);

    /// <summary>k = 32, blocks [6, 12, 48, 32], 64 initial features.</summary>
    public static DenseNetOptions DenseNet201 { get; } = new(32, [6, 12, 48, 32], 64);

    /// <summary>k = 48, blocks [6, 12, 36, 24], 96 initial features.</summary>
    public static DenseNetOptions DenseNet161 { get; } = new(48, [6, 12, 36, 24], 96);

    internal void Validate()
    {
        if (GrowthRate <= 0) throw new ArgumentOutOfRangeException(nameof(GrowthRate), GrowthRate, "The growth rate must be positive.");
        if (InitialFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(InitialFeatures), InitialFeatures, "The initial features must be positive.");
        if (BottleneckSize <= 0) throw new ArgumentOutOfRangeException(nameof(BottleneckSize), BottleneckSize, "The bottleneck size (bn_size) must be positive.");
        if (!(Compression is > 0f and <= 1f)) throw new ArgumentOutOfRangeException(nameof(Compression), Compression, "The compression is the fraction of channels a transition keeps, in (0, 1].");
        if (BlockConfig is null || BlockConfig.Count == 0 || BlockConfig.Any(b => b <= 0))
            throw new ArgumentException($"A DenseNet needs at least one dense block of at least one layer, got [{string.Join(", ", BlockConfig ?? [])}].", nameof(BlockConfig));
    }
}

/// <summary>
/// DenseNet as in torchvision (Huang et al. 2017, DenseNet-BC): "features.conv0" 7x7 stride 2 pad 3 (no bias), norm0,
/// relu0, pool0 (max 3 stride 2 pad 1); dense blocks "features.denseblockN" whose layers "denselayerM" are norm1,
/// relu1, conv1 (1x1, BottleneckSize·k), norm2, relu2, conv2 (3x3 pad 1, k), each fed the channel concatenation of the
/// block input and every earlier layer's output; between blocks "features.transitionN": norm, relu, conv (1x1 to
/// floor(Compression·C) channels), pool (average 2x2 stride 2); then features.norm5, a final ReLU, global average
/// pooling and Dense classes "classifier" (logits). Layer names follow torchvision, so parameter names map to its
/// state_dict keys; the concatenations are named "...denselayerM.concat". Without dropout (torchvision's drop_rate 0).
/// Inputs must survive the four halvings of the stem and the floor of each transition's pooling: DenseNet-121 needs
/// at least 29x29 (smaller inputs fail at the last transition's pool, naming it).
/// </summary>
public static class DenseNet
{
    /// <summary>A DenseNet, e.g. <c>DenseNet.Create([3, 224, 224], 1000)</c>; DenseNet-121 by default.</summary>
    public static Network Create(int[] inputShape, int classes, DenseNetOptions? options = null, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        options ??= DenseNetOptions.DenseNet121;
        options.Validate();

        var input = Network.Input(inputShape);
        var x = new Conv2D(options.InitialFeatures, 7, stride: 2, padding: Padding.Explicit(3), useBias: false, name: "features.conv0").Call(input);
        x = new BatchNorm(name: "features.norm0").Call(x);
        x = new ReLU(name: "features.relu0").Call(x);
        x = new MaxPool2D(3, stride: 2, padding: Padding.Explicit(1), name: "features.pool0").Call(x);
        int channels = options.InitialFeatures;
        for (int block = 0; block < options.BlockConfig.Count; block++)
        {
            for (int layer = 0; layer < options.BlockConfig[block]; layer++)
            {
                string name = $"features.denseblock{block + 1}.denselayer{layer + 1}";
                var added = DenseLayer(x, options, name);
                x = new Concat(name: $"{name}.concat").Call(x, added);
                channels += options.GrowthRate;
            }
            if (block + 1 < options.BlockConfig.Count)
            {
                channels = (int)(channels * options.Compression);
                x = Transition(x, channels, $"features.transition{block + 1}");
            }
        }
        x = new BatchNorm(name: "features.norm5").Call(x);
        x = new ReLU(name: "relu").Call(x);
        x = new GlobalAveragePool2D(name: "avgpool").Call(x);
        x = new Dense(classes, name: "classifier").Call(x);
        return new Network(input, x, seed);
    }

    // BN-ReLU-Conv(1x1) to the bottleneck, BN-ReLU-Conv(3x3) to k new channels.
    private static SymbolicTensor DenseLayer(SymbolicTensor x, DenseNetOptions options, string name)
    {
        x = new BatchNorm(name: $"{name}.norm1").Call(x);
        x = new ReLU(name: $"{name}.relu1").Call(x);
        x = new Conv2D(options.BottleneckSize * options.GrowthRate, 1, useBias: false, name: $"{name}.conv1").Call(x);
        x = new BatchNorm(name: $"{name}.norm2").Call(x);
        x = new ReLU(name: $"{name}.relu2").Call(x);
        return new Conv2D(options.GrowthRate, 3, padding: Padding.Explicit(1), useBias: false, name: $"{name}.conv2").Call(x);
    }

    private static SymbolicTensor Transition(SymbolicTensor x, int channels, string name)
    {
        x = new BatchNorm(name: $"{name}.norm").Call(x);
        x = new ReLU(name: $"{name}.relu").Call(x);
        x = new Conv2D(channels, 1, useBias: false, name: $"{name}.conv").Call(x);
        return new AvgPool2D(2, stride: 2, name: $"{name}.pool").Call(x);
    }
}
