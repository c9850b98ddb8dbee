// ZFNet (Zeiler and Fergus 2013, "Visualizing and Understanding Convolutional Networks"): AlexNet with a 7x7
// stride-2 first layer and a stride-2 second layer, the network of the paper's figure 3.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>
/// ZFNet for 224x224 inputs: conv1 96 7x7 stride 2 pad 1 gives 110x110; ReLU; 3x3/2 max pool to 55x55; conv2 256
/// 5x5 stride 2 (no padding) to 26x26; ReLU; pool to 13x13; conv3 384, conv4 384, conv5 256 (3x3 pad 1, each with
/// ReLU); pool to 6x6x256; dense 4096, ReLU, dropout 0.5, dense 4096, ReLU, dropout 0.5, dense classes (logits).
/// The paper gives the sizes, not the paddings; these are the ones that give its sizes: the first two pools pad one
/// row and one column at the bottom and right (padding never wins a max), which is exactly what the ceil rounding of Caffe's pooling does
/// (110 to 55, 26 to 13); the third pool needs none (13 to 6). 62,357,608 parameters for 1000 classes.
/// Differs from the paper: no contrast normalization after the first two pools, PyTorch-style initialization
/// (the paper used 0.01 weights and 0 biases). Layer names follow torchvision's style, as for AlexNet: "features.0"
/// (conv1), "features.3" (conv2), "features.6", "features.8", "features.10", "classifier.0", "classifier.3",
/// "classifier.6".
/// </summary>
public static class ZFNet
{
    private static readonly FeatureMap HeadInput = new(256, 6, 6);

    /// <summary>A ZFNet for [C, H, W] inputs, e.g. <c>ZFNet.Create([3, 224, 224], 1000)</c>.</summary>
    /// <exception cref="ArgumentException">The input does not give the 6x6x256 map the classifier needs.</exception>
    public static Network Create(int[] inputShape, int classes, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        var ceilRounding = Padding.Explicit(0, 1, 0, 1);
        var f = new List<Layer>();
        string F() => $"features.{f.Count}";
        f.Add(new Conv2D(96, 7, stride: 2, padding: Padding.Explicit(1), name: F()));
        f.Add(new ReLU(F()));
        f.Add(new MaxPool2D(3, 2, padding: ceilRounding, name: F()));
        f.Add(new Conv2D(256, 5, stride: 2, name: F()));
        f.Add(new ReLU(F()));
        f.Add(new MaxPool2D(3, 2, padding: ceilRounding, name: F()));
        f.Add(new Conv2D(384, 3, padding: Padding.Explicit(1), name: F()));
        f.Add(new ReLU(F()));
        f.Add(new Conv2D(384, 3, padding: Padding.Explicit(1), name: F()));
        f.Add(new ReLU(F()));
        f.Add(new Conv2D(256, 3, padding: Padding.Explicit(1), name: F()));
        f.Add(new ReLU(F()));
        f.Add(new MaxPool2D(3, 2, name: F()));
        Layer[] classifier =
        [
            new Flatten("flatten"),
            new Dense(4096, name: "classifier.0"), new ReLU("classifier.1"), new Dropout(0.5f, name: "classifier.2"),
            new Dense(4096, name: "classifier.3"), new ReLU("classifier.4"), new Dropout(0.5f, name: "classifier.5"),
            new Dense(classes, name: "classifier.6"),
        ];
        return DenseHead.Build("ZFNet", inputShape, f, HeadInput, "Use 224x224 inputs (paper), or resize the images.", classifier, seed);
    }
}
