// ZFNet (Zeiler and Fergus 2013, "Visualizing and Understanding Convolutional Networks"): AlexNet with a 7x7
// stride-2 first layer and a stride-2 second layer, the network of the paper's figure 3.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>Choices for <see cref="ZFNet.Create"/>. The defaults build the paper's network.</summary>
public sealed record ZFNetOptions
{
    /// <summary>
    /// Contrast normalization across feature maps after the first two pools, as in the paper, done as AlexNet's local
    /// response normalization (<see cref="Layers.LocalResponseNorm.AlexNetPaper"/>; the paper gives no constants). It
    /// has no parameters but takes a module index, so later layers' names shift (conv2 is "features.4").
    /// </summary>
    public bool LocalResponseNorm { get; init; } = true;
}

/// <summary>
/// ZFNet for 224x224 inputs: conv1 96 7x7 stride 2 pad 1 gives 110x110; ReLU; 3x3/2 max pool to 55x55; LRN; conv2 256
/// 5x5 stride 2 (no padding) to 26x26; ReLU; pool to 13x13; LRN; conv3 384, conv4 384, conv5 256 (3x3 pad 1, each
/// with ReLU); pool to 6x6x256; dense 4096, ReLU, dropout 0.5, dense 4096, ReLU, dropout 0.5, dense classes (logits).
/// 62,357,608 parameters for 1000 classes. The paper gives the sizes, not the paddings; these give its sizes: conv1
/// pads 1, conv2 none, conv3 to conv5 pad 1, and the first two pools round up (ceil mode, as Caffe's pooling does:
/// 110 to 55 and 26 to 13, where rounding down would give 54 and 12); the third pool rounds down (13 to 6).
/// Differs from the paper: its contrast normalization is done as AlexNet's LRN (an option, on by default), and this
/// library's initialization instead of the paper's (weights 0.01, biases 0). Any size from 223 to 254 gives the 6x6 map.
/// Layer names follow torchvision's style, numbering the feature stack as an nn.Sequential would: with LRN the
/// convolutions are "features.0", "features.4", "features.8", "features.10", "features.12" (without: 0, 3, 6, 8, 10);
/// the dense layers "classifier.0", "classifier.3", "classifier.6".
/// </summary>
public static class ZFNet
{
    private static readonly FeatureMap HeadInput = new(256, 6, 6);

    /// <summary>A ZFNet for [C, H, W] inputs, e.g. <c>ZFNet.Create([3, 224, 224], 1000)</c>.</summary>
    /// <exception cref="ArgumentException">The input does not give the 6x6x256 map the classifier needs.</exception>
    public static Network Create(int[] inputShape, int classes, ZFNetOptions? options = null, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        bool normalize = (options ?? new ZFNetOptions()).LocalResponseNorm;
        var f = new List<Layer>();
        string F() => $"features.{f.Count}";
        f.Add(new Conv2D(96, 7, stride: 2, padding: Padding.Explicit(1), name: F()));
        f.Add(new ReLU(F()));
        f.Add(new MaxPool2D(3, 2, ceilMode: true, name: F()));
        if (normalize) f.Add(LocalResponseNorm.AlexNetPaper(F()));
        f.Add(new Conv2D(256, 5, stride: 2, name: F()));
        f.Add(new ReLU(F()));
        f.Add(new MaxPool2D(3, 2, ceilMode: true, name: F()));
        if (normalize) f.Add(LocalResponseNorm.AlexNetPaper(F()));
        f.Add(new Conv2D(384, 3, padding: Padding.Explicit(1), name: F()));
        f.Add(new ReLU(F()));
        f.Add(new Conv2D(384, 3, padding: Padding.Explicit(1), name: F()));
        f.Add(new ReLU(F()));
        f.Add(new Conv2D(256, 3, padding: Padding.Explicit(1), name: F()));
        f.Add(new ReLU(F()));
        f.Add(new MaxPool2D(3, 2, name: F()));
        return DenseHead.Build("ZFNet", inputShape, f, HeadInput, "Use 224x224 inputs (paper), or resize the images.", DenseHead.PaperClassifier(classes), seed);
    }
}
