// LeNet-5 (LeCun et al. 1998), in its classic form (tanh, average pooling) or the modern one (ReLU, max pooling).
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>Which LeNet-5 to build. Persisted in presets: values are pinned.</summary>
public enum LeNet5Style : byte
{
    /// <summary>Tanh activations and average pooling, as published.</summary>
    Classic = 0,
    /// <summary>ReLU activations and max pooling, as usually taught today.</summary>
    Modern = 1,
}

/// <summary>
/// C1 conv 6 5x5, S2 pool 2, C3 conv 16 5x5, S4 pool 2, C5 conv 120 5x5, F6 dense 84, output dense classes (logits).
/// LeNet-5 was designed for 32x32 inputs; smaller ones (28x28 MNIST) get "same" padding on C1 (2 pixels per side),
/// so C3 still sees 14x14. 61,706 parameters for 10 classes.
/// </summary>
public static class LeNet5
{
    public static Network Create(int[] inputShape, int classes, LeNet5Style style = LeNet5Style.Classic, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        var activation = style == LeNet5Style.Classic ? Activation.Tanh : Activation.Relu;
        Layer Pool() => style == LeNet5Style.Classic ? new AvgPool2D(2) : new MaxPool2D(2);
        var c1Padding = inputShape[1] < 32 || inputShape[2] < 32 ? Padding.Same : Padding.Valid;
        return Network.Sequential(inputShape,
        [
            new Conv2D(6, 5, padding: c1Padding, activation: activation, name: "c1"),
            Pool(),
            new Conv2D(16, 5, activation: activation, name: "c3"),
            Pool(),
            new Conv2D(120, 5, activation: activation, name: "c5"),
            new Flatten(),
            new Dense(84, activation, name: "f6"),
            new Dense(classes, name: "output"),
        ], seed);
    }
}
