// AlexNet (Krizhevsky, Sutskever and Hinton 2012) as in the paper, or as torchvision builds it (for its weights).
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>Which AlexNet to build. Values are pinned.</summary>
public enum AlexNetVariant : byte
{
    /// <summary>The paper's network: 227x227 inputs, 96-256-384-384-256 filters.</summary>
    Paper = 0,
    /// <summary>torchvision's alexnet (from the "one weird trick" paper): 224x224 inputs, 64-192-384-256-256 filters, its layer names.</summary>
    Torchvision = 1,
}

/// <summary>Choices for <see cref="AlexNet.Create"/>. The defaults build the paper's network.</summary>
public sealed record AlexNetOptions
{
    /// <summary>The paper's network, with its two-group convolutions and local response normalization.</summary>
    public static AlexNetOptions Paper { get; } = new();

    /// <summary>torchvision's alexnet, whose state_dict keys the layer names match.</summary>
    public static AlexNetOptions Torchvision { get; } = new() { Variant = AlexNetVariant.Torchvision };

    /// <summary>The paper's network (default) or torchvision's.</summary>
    public AlexNetVariant Variant { get; init; } = AlexNetVariant.Paper;

    /// <summary>
    /// Split conv2, conv4 and conv5 into two groups, as the paper's two GPUs did (conv3 and the dense layers see both
    /// halves). Null: as the variant has it (paper: yes, 60,965,224 parameters for 1000 classes; 62,378,344 without).
    /// torchvision's variant has no groups.
    /// </summary>
    public bool? GroupedConvolutions { get; init; }

    /// <summary>
    /// Local response normalization after the ReLUs of conv1 and conv2, before their pools, with the paper's constants
    /// (k = 2, n = 5, alpha = 1e-4, beta = 0.75: <see cref="Layers.LocalResponseNorm.AlexNetPaper"/>). It has no parameters
    /// but takes a module index, so the later layers' names shift by one and two (conv2 is "features.4").
    /// Null: as the variant has it (paper: yes; torchvision: no).
    /// </summary>
    public bool? LocalResponseNorm { get; init; }
}

/// <summary>
/// AlexNet. The paper variant (default): conv1 96 11x11 stride 4 on 227x227 gives 55x55x96; ReLU; local response
/// normalization; overlapping 3x3/2 max pool to 27x27; conv2 256 5x5 pad 2; ReLU; LRN; pool to 13x13; conv3 384, conv4
/// 384, conv5 256 (3x3 pad 1, each with ReLU); pool to 6x6x256; then dense 4096, ReLU, dropout 0.5, dense 4096, ReLU,
/// dropout 0.5, dense classes (logits). Faithful: sizes, filters, the two-group convolutions (conv2, conv4, conv5),
/// LRN with the paper's constants, ReLU after every layer but the last, overlapping pooling, dropout on the outputs of
/// the first two dense layers (as in the paper and Caffe's reference model). 60,965,224 parameters for 1000 classes
/// (62,378,344 without groups). Differs: this library's initialization instead of the paper's N(0, 0.01) with biases of
/// 1 in some layers. The paper's "224x224x3" input does not give 55x55 with these kernels; 227x227 does (any size from
/// 227 to 258 gives the same 6x6 map). Both options can be turned off (e.g. for a one-group, LRN-free AlexNet).
/// <para>
/// The torchvision variant mirrors torchvision 0.14's alexnet for weight import: conv 64 11x11 stride 4 pad 2 on
/// 224x224, conv 192 5x5 pad 2, conv 384, 256, 256 (3x3 pad 1), no LRN, no groups, dropout before the first two dense
/// layers, layer names features.0, features.3, features.6, features.8, features.10, classifier.1, classifier.4,
/// classifier.6 (61,100,840 parameters for 1000 classes). torchvision's AdaptiveAvgPool2d((6, 6)) is the identity on
/// the 6x6 map that 224x224 inputs (223 to 254 pixels) give, so it is left out; other sizes fail with a message.
/// </para>
/// Layer names follow torchvision's module paths, numbering every module of the feature stack as an nn.Sequential
/// would (ReLU, LRN and pools included): the paper variant's convolutions are features.0, 4, 8, 10, 12 with LRN and
/// features.0, 3, 6, 8, 10 without, its dense layers classifier.0, 3, 6.
/// </summary>
public static class AlexNet
{
    private static readonly FeatureMap HeadInput = new(256, 6, 6);

    /// <summary>An AlexNet for [C, H, W] inputs, e.g. <c>AlexNet.Create([3, 227, 227], 1000)</c>.</summary>
    /// <exception cref="ArgumentException">The input does not give the 6x6x256 map the classifier needs.</exception>
    public static Network Create(int[] inputShape, int classes, AlexNetOptions? options = null, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        options ??= AlexNetOptions.Paper;
        return options.Variant switch
        {
            AlexNetVariant.Paper => Paper(inputShape, classes, options.GroupedConvolutions ?? true, options.LocalResponseNorm ?? true, seed),
            AlexNetVariant.Torchvision => Torchvision(inputShape, classes, options, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Variant, $"Unknown AlexNet variant; use one of {string.Join(", ", Enum.GetNames<AlexNetVariant>())}."),
        };
    }

    private static Network Paper(int[] inputShape, int classes, bool grouped, bool normalize, long seed)
    {
        int groups = grouped ? 2 : 1;
        var f = new List<Layer>();
        string F() => $"features.{f.Count}";
        f.Add(new Conv2D(96, 11, stride: 4, name: F()));
        f.Add(new ReLU(F()));
        if (normalize) f.Add(LocalResponseNorm.AlexNetPaper(F()));
        f.Add(new MaxPool2D(3, 2, name: F()));
        f.Add(new Conv2D(256, 5, padding: Padding.Explicit(2), groups: groups, name: F()));
        f.Add(new ReLU(F()));
        if (normalize) f.Add(LocalResponseNorm.AlexNetPaper(F()));
        f.Add(new MaxPool2D(3, 2, name: F()));
        f.Add(new Conv2D(384, 3, padding: Padding.Explicit(1), name: F()));
        f.Add(new ReLU(F()));
        f.Add(new Conv2D(384, 3, padding: Padding.Explicit(1), groups: groups, name: F()));
        f.Add(new ReLU(F()));
        f.Add(new Conv2D(256, 3, padding: Padding.Explicit(1), groups: groups, name: F()));
        f.Add(new ReLU(F()));
        f.Add(new MaxPool2D(3, 2, name: F()));
        return DenseHead.Build("AlexNet", inputShape, f, HeadInput, Advice, DenseHead.PaperClassifier(classes), seed);
    }

    private static Network Torchvision(int[] inputShape, int classes, AlexNetOptions options, long seed)
    {
        if (options.GroupedConvolutions == true || options.LocalResponseNorm == true)
            throw new ArgumentException("torchvision's alexnet has neither grouped convolutions nor local response normalization; leave GroupedConvolutions and LocalResponseNorm unset, or use the paper variant.", nameof(options));
        Layer[] features =
        [
            new Conv2D(64, 11, stride: 4, padding: Padding.Explicit(2), name: "features.0"), new ReLU("features.1"),
            new MaxPool2D(3, 2, name: "features.2"),
            new Conv2D(192, 5, padding: Padding.Explicit(2), name: "features.3"), new ReLU("features.4"),
            new MaxPool2D(3, 2, name: "features.5"),
            new Conv2D(384, 3, padding: Padding.Explicit(1), name: "features.6"), new ReLU("features.7"),
            new Conv2D(256, 3, padding: Padding.Explicit(1), name: "features.8"), new ReLU("features.9"),
            new Conv2D(256, 3, padding: Padding.Explicit(1), name: "features.10"), new ReLU("features.11"),
            new MaxPool2D(3, 2, name: "features.12"),
        ];
        Layer[] classifier =
        [
            new Flatten("flatten"),
            new Dropout(0.5f, name: "classifier.0"), new Dense(4096, name: "classifier.1"), new ReLU("classifier.2"),
            new Dropout(0.5f, name: "classifier.3"), new Dense(4096, name: "classifier.4"), new ReLU("classifier.5"),
            new Dense(classes, name: "classifier.6"),
        ];
        return DenseHead.Build("AlexNet", inputShape, features, HeadInput, Advice, classifier, seed);
    }

    private const string Advice = "Use 227x227 inputs (paper variant) or 224x224 (torchvision variant), or resize the images.";
}
