// A small VGG: blocks of stacked 3x3 convolutions, each followed by 2x2 max pooling (Simonyan and Zisserman 2014).
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>
/// For each entry of the block widths: two 3x3 "same" convolutions with ReLU and a 2x2 max pool; then Flatten,
/// Dense 128 ReLU, Dropout and Dense classes (logits). The default widths [32, 64, 128] take 28x28 to 3x3.
/// </summary>
public static class SmallVgg
{
    public static Network Create(int[] inputShape, int classes, int[]? blockWidths = null, float dropoutRate = 0.5f, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        blockWidths ??= [32, 64, 128];
        if (blockWidths.Length == 0) throw new ArgumentException("A VGG needs at least one block width.", nameof(blockWidths));
        var layers = new List<Layer>();
        foreach (int width in blockWidths)
        {
            layers.Add(new Conv2D(width, 3, padding: Padding.Same, activation: Activation.Relu));
            layers.Add(new Conv2D(width, 3, padding: Padding.Same, activation: Activation.Relu));
            layers.Add(new MaxPool2D(2));
        }
        layers.AddRange([new Flatten(), new Dense(128, Activation.Relu), new Dropout(dropoutRate), new Dense(classes)]);
        return Network.Sequential(inputShape, layers, seed);
    }
}
