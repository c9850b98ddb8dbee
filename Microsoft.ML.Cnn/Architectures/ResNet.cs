// ResNet (He et al. 2016) as torchvision builds it: ResNet-18/34 with basic blocks, ResNet-50/101/152 with bottlenecks.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>The residual block a <see cref="ResNet"/> stacks. Persisted in presets: values are pinned.</summary>
public enum ResNetBlock : byte
{
    /// <summary>3x3 conv, BN, ReLU, 3x3 conv, BN, add, ReLU; output width = the stage width (ResNet-18/34).</summary>
    Basic = 0,
    /// <summary>1x1 conv, BN, ReLU, 3x3 conv, BN, ReLU, 1x1 conv (4x wider), BN, add, ReLU (ResNet-50/101/152).</summary>
    Bottleneck = 1,
}

/// <summary>A ResNet's depth: the block kind and the number of blocks in each stage (stage widths 64, 128, 256, 512, ...).</summary>
/// <param name="Block">Basic or bottleneck blocks.</param>
/// <param name="BlocksPerStage">Blocks per stage, e.g. [2, 2, 2, 2] for ResNet-18; each stage after the first halves H and W.</param>
public sealed record ResNetOptions(ResNetBlock Block, IReadOnlyList<int> BlocksPerStage)
{
    /// <summary>Basic blocks [2, 2, 2, 2]: 11,689,512 parameters for 1000 classes.</summary>
    public static ResNetOptions ResNet18 { get; } = new(ResNetBlock.Basic, [2, 2, 2, 2]);

    /// <summary>Basic blocks [3, 4, 6, 3]: 21,797,672 parameters for 1000 classes.</summary>
    public static ResNetOptions ResNet34 { get; } = new(ResNetBlock.Basic, [3, 4, 6, 3]);

    /// <summary>Bottleneck blocks [3, 4, 6, 3]: 25,557,032 parameters for 1000 classes.</summary>
    public static ResNetOptions ResNet50 { get; } = new(ResNetBlock.Bottleneck, [3, 4, 6, 3]);

    /// <summary>Bottleneck blocks [3, 4, 23, 3].</summary>
    public static ResNetOptions ResNet101 { get; } = new(ResNetBlock.Bottleneck, [3, 4, 23, 3]);

    /// <summary>Bottleneck blocks [3, 8, 36, 3].</summary>
    public static ResNetOptions ResNet152 { get; } = new(ResNetBlock.Bottleneck, [3, 8, 36, 3]);

    internal void Validate()
    {
        if (!Enum.IsDefined(Block)) throw new ArgumentOutOfRangeException(nameof(Block), Block, "Use ResNetBlock.Basic or ResNetBlock.Bottleneck.");
        if (BlocksPerStage is null || BlocksPerStage.Count == 0 || BlocksPerStage.Any(b => b <= 0))
            throw new ArgumentException($"A ResNet needs at least one stage and at least one block per stage, got [{string.Join(", ", BlocksPerStage ?? [])}].", nameof(BlocksPerStage));
    }
}

/// <summary>
/// ResNet as in torchvision (He et al. 2016): stem conv 7x7 stride 2 pad 3 (no bias), BN, ReLU, max pool 3 stride 2
/// pad 1; stages "layer1".."layer4" of residual blocks, 64·2^s wide; global average pooling; Dense classes "fc" (logits).
/// The first block of each stage after the first has stride 2; a block whose output shape differs from its input
/// gets the projection shortcut "downsample.0" (1x1 conv with that stride, no bias) + "downsample.1" (BN) — the
/// paper's option B. Bottlenecks put the stride on the 3x3 convolution, not on the first 1x1 as the paper does:
/// torchvision's "ResNet v1.5", which torchvision's weights use. Layer names follow torchvision's module paths
/// (conv1, bn1, layer2.0.conv1, layer2.0.downsample.0, fc), so parameter names map to its state_dict keys; the
/// parameter-free layers are named relu, maxpool, layerS.B.relu1/relu2(/relu3), layerS.B.add, avgpool.
/// Any input of at least 1x1 works (every downsampling is padded), as in torchvision; 224x224 is the ImageNet size.
/// Weights start from the library's initializers (not torchvision's Kaiming-normal fan-out).
/// </summary>
public static class ResNet
{
    private const int StemWidth = 64;

    /// <summary>A ResNet, e.g. <c>ResNet.Create([3, 224, 224], 1000, ResNetOptions.ResNet50)</c>; ResNet-18 by default.</summary>
    public static Network Create(int[] inputShape, int classes, ResNetOptions? options = null, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        options ??= ResNetOptions.ResNet18;
        options.Validate();
        int expansion = options.Block == ResNetBlock.Basic ? 1 : 4;

        var input = Network.Input(inputShape);
        var x = new Conv2D(StemWidth, 7, stride: 2, padding: Padding.Explicit(3), useBias: false, name: "conv1").Call(input);
        x = new BatchNorm(name: "bn1").Call(x);
        x = new ReLU(name: "relu").Call(x);
        x = new MaxPool2D(3, stride: 2, padding: Padding.Explicit(1), name: "maxpool").Call(x);
        int channels = StemWidth;
        for (int stage = 0; stage < options.BlocksPerStage.Count; stage++)
        {
            int width = StemWidth << stage;
            for (int block = 0; block < options.BlocksPerStage[stage]; block++)
            {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                string name = $"layer{stage + 1}.{block}";
                var residual = options.Block == ResNetBlock.Basic ? BasicBlock(x, width, stride, name) : Bottleneck(x, width, stride, name);
                var shortcut = stride != 1 || channels != width * expansion ? Projection(x, width * expansion, stride, name) : x;
                x = new Layers.Add(name: $"{name}.add").Call(residual, shortcut);
                x = new ReLU(name: $"{name}.relu{(options.Block == ResNetBlock.Basic ? 2 : 3)}").Call(x);
                channels = width * expansion;
            }
        }
        x = new GlobalAveragePool2D(name: "avgpool").Call(x);
        x = new Dense(classes, name: "fc").Call(x);
        return new Network(input, x, seed);
    }

    // conv1 3x3 (stride), bn1, relu1, conv2 3x3, bn2: the residual branch before the add.
    private static SymbolicTensor BasicBlock(SymbolicTensor x, int width, int stride, string name)
    {
        var y = ConvBn(x, width, 3, stride, $"{name}.conv1", $"{name}.bn1");
        y = new ReLU(name: $"{name}.relu1").Call(y);
        return ConvBn(y, width, 3, 1, $"{name}.conv2", $"{name}.bn2");
    }

    // conv1 1x1, bn1, relu1, conv2 3x3 (stride: v1.5), bn2, relu2, conv3 1x1 (4x width), bn3.
    private static SymbolicTensor Bottleneck(SymbolicTensor x, int width, int stride, string name)
    {
        var y = ConvBn(x, width, 1, 1, $"{name}.conv1", $"{name}.bn1");
        y = new ReLU(name: $"{name}.relu1").Call(y);
        y = ConvBn(y, width, 3, stride, $"{name}.conv2", $"{name}.bn2");
        y = new ReLU(name: $"{name}.relu2").Call(y);
        return ConvBn(y, width * 4, 1, 1, $"{name}.conv3", $"{name}.bn3");
    }

    private static SymbolicTensor Projection(SymbolicTensor x, int width, int stride, string name) =>
        ConvBn(x, width, 1, stride, $"{name}.downsample.0", $"{name}.downsample.1");

    // A convolution without bias (the BN's shift replaces it) padded by k/2 as torchvision pads, then BN.
    private static SymbolicTensor ConvBn(SymbolicTensor x, int width, int kernel, int stride, string convName, string bnName)
    {
        x = new Conv2D(width, kernel, stride: stride, padding: Padding.Explicit(kernel / 2), useBias: false, name: convName).Call(x);
        return new BatchNorm(name: bnName).Call(x);
    }
}
