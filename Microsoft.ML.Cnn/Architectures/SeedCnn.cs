// The Keras MNIST example CNN, the project's baseline, and its longer batch-norm recipe.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>
/// Conv 32 3x3 ReLU, MaxPool 2, Conv 64 3x3 ReLU, MaxPool 2, Flatten, Dense 128 ReLU, Dense classes (logits: the
/// loss applies softmax). 225,034 parameters for [1, 28, 28] and 10 classes.
/// </summary>
public static class SeedCnn
{
    public static Network Create(int[] inputShape, int classes, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        return Network.Sequential(inputShape,
        [
            new Conv2D(32, 3, activation: Activation.Relu),
            new MaxPool2D(2),
            new Conv2D(64, 3, activation: Activation.Relu),
            new MaxPool2D(2),
            new Flatten(),
            new Dense(128, Activation.Relu),
            new Dense(classes),
        ], seed);
    }
}

/// <summary>
/// <see cref="SeedCnn"/> with BatchNorm (then ReLU) after each convolution, whose bias it makes redundant, and
/// dropout before the last dense layer: the longer training recipe.
/// </summary>
public static class SeedCnnBatchNorm
{
    public static Network Create(int[] inputShape, int classes, float dropoutRate = 0.5f, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        return Network.Sequential(inputShape,
        [
            new Conv2D(32, 3, useBias: false),
            new BatchNorm(),
            new ReLU(),
            new MaxPool2D(2),
            new Conv2D(64, 3, useBias: false),
            new BatchNorm(),
            new ReLU(),
            new MaxPool2D(2),
            new Flatten(),
            new Dense(128, Activation.Relu),
            new Dropout(dropoutRate),
            new Dense(classes),
        ], seed);
    }
}
