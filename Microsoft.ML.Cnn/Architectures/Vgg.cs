// VGG (Simonyan and Zisserman 2014) configurations A, B, D and E, laid out and named as torchvision builds them.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>The number of weight layers of a VGG, i.e. the paper's configuration. Values are the depths (pinned).</summary>
public enum VggDepth : byte
{
    /// <summary>Configuration A: 8 convolutions and 3 dense layers.</summary>
    Vgg11 = 11,
    /// <summary>Configuration B: 10 convolutions.</summary>
    Vgg13 = 13,
    /// <summary>Configuration D: 13 convolutions.</summary>
    Vgg16 = 16,
    /// <summary>Configuration E: 16 convolutions.</summary>
    Vgg19 = 19,
}

/// <summary>Choices for <see cref="Vgg.Create"/>.</summary>
public sealed record VggOptions
{
    /// <summary>Which configuration; VGG-16 by default.</summary>
    public VggDepth Depth { get; init; } = VggDepth.Vgg16;

    /// <summary>A batch norm between each convolution and its ReLU (torchvision's vgg*_bn; not in the paper).</summary>
    public bool BatchNorm { get; init; }
}

/// <summary>
/// VGG for 224x224 inputs: stacks of 3x3 pad-1 convolutions with ReLU, each stack ending in a 2x2/2 max pool, five
/// stacks in all (64, 128, 256, 512, 512 filters), so 224x224 becomes 7x7x512; then dense 4096, ReLU, dropout 0.5,
/// dense 4096, ReLU, dropout 0.5, dense classes (logits). The layout and layer names are torchvision's (0.14):
/// "features.N" numbers every module in order (convolution, batch norm in the _bn variants, ReLU, pool), and the
/// classifier's dense layers are "classifier.0", "classifier.3", "classifier.6", so torchvision state_dict keys map by
/// suffix. Parameters for 1000 classes: VGG-11 132,863,336; 13: 133,047,848; 16: 138,357,544; 19: 143,667,240 (plus
/// 2 per channel of batch norm: 5,504 for 11, 5,888, 8,448, 11,008 for 19; running statistics are not counted).
/// torchvision has an AdaptiveAvgPool2d((7, 7)) before the classifier; it is the identity on the 7x7 map that inputs
/// of 224 to 255 pixels give, so it is left out, and other sizes fail with a message saying so. The _bn variants are
/// torchvision's, not the paper's; the initialization is this library's (Glorot-uniform, as each ReLU is a layer of its
/// own), not the paper's N(0, 0.01) nor torchvision's Kaiming-normal.
/// </summary>
public static class Vgg
{
    private const int Pool = 0; // "M" in torchvision's configuration lists

    private static readonly FeatureMap HeadInput = new(512, 7, 7);

    /// <summary>A VGG for [C, H, W] inputs, e.g. <c>Vgg.Create([3, 224, 224], 1000, new VggOptions { Depth = VggDepth.Vgg11 })</c>.</summary>
    /// <exception cref="ArgumentException">The input does not give the 7x7x512 map the classifier needs.</exception>
    public static Network Create(int[] inputShape, int classes, VggOptions? options = null, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        options ??= new VggOptions();
        var f = new List<Layer>();
        string F() => $"features.{f.Count}";
        foreach (int width in Configuration(options.Depth))
        {
            if (width == Pool)
            {
                f.Add(new MaxPool2D(2, 2, name: F()));
                continue;
            }
            f.Add(new Conv2D(width, 3, padding: Padding.Explicit(1), name: F()));
            if (options.BatchNorm) f.Add(new BatchNorm(name: F()));
            f.Add(new ReLU(F()));
        }
        Layer[] classifier =
        [
            new Flatten("flatten"),
            new Dense(4096, name: "classifier.0"), new ReLU("classifier.1"), new Dropout(0.5f, name: "classifier.2"),
            new Dense(4096, name: "classifier.3"), new ReLU("classifier.4"), new Dropout(0.5f, name: "classifier.5"),
            new Dense(classes, name: "classifier.6"),
        ];
        string advice = "Use 224x224 inputs, or resize the images (torchvision's adaptive pooling to 7x7 is not available here).";
        return DenseHead.Build($"VGG-{(int)options.Depth}", inputShape, f, HeadInput, advice, classifier, seed);
    }

    // torchvision's cfgs "A", "B", "D", "E": filters per convolution, Pool for a max pool.
    private static int[] Configuration(VggDepth depth) => depth switch
    {
        VggDepth.Vgg11 => [64, Pool, 128, Pool, 256, 256, Pool, 512, 512, Pool, 512, 512, Pool],
        VggDepth.Vgg13 => [64, 64, Pool, 128, 128, Pool, 256, 256, Pool, 512, 512, Pool, 512, 512, Pool],
        VggDepth.Vgg16 => [64, 64, Pool, 128, 128, Pool, 256, 256, 256, Pool, 512, 512, 512, Pool, 512, 512, 512, Pool],
        VggDepth.Vgg19 => [64, 64, Pool, 128, 128, Pool, 256, 256, 256, 256, Pool, 512, 512, 512, 512, Pool, 512, 512, 512, 512, Pool],
        _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, $"VGG depth must be one of {string.Join(", ", Enum.GetNames<VggDepth>())}."),
    };
}
