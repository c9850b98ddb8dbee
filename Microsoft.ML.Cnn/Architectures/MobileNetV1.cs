// MobileNet v1 (Howard et al. 2017): a strided 3x3 convolution, 13 depthwise-separable blocks, global average pooling.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>Choices for <see cref="MobileNetV1.Create"/>.</summary>
public sealed record MobileNetV1Options
{
    /// <summary>
    /// The width multiplier alpha, from 1/32 to 10: every layer gets floor(alpha * filters) filters, as Keras rounds (the
    /// paper uses 1, 0.75, 0.5 and 0.25). The paper's resolution multiplier is simply the input size.
    /// </summary>
    public float WidthMultiplier { get; init; } = 1f;
}

/// <summary>
/// MobileNet v1, as in table 1 of the paper: conv 3x3 stride 2, 32 filters; 13 depthwise-separable blocks (depthwise
/// 3x3 + batch norm + ReLU, pointwise 1x1 + batch norm + ReLU) of 64, 128 (stride 2), 128, 256 (stride 2), 256,
/// 512 (stride 2), 5x 512, 1024 (stride 2), 1024 filters; global average pooling; dense classes (logits). 224x224
/// inputs end at 7x7x1024; any input of at least 32x32 works. Convolutions have no bias (batch norm follows each).
/// Parameters for 1000 classes (trainable, i.e. without batch-norm running statistics, the same count as Keras's
/// MobileNet "trainable params", whose 1x1-convolution head with bias has the dense layer's count): alpha 1:
/// 4,231,976 (the paper's 4.2 million); 0.75: 2,585,560 (2.6M); 0.5: 1,331,592 (1.3M); 0.25: 470,072 (0.5M).
/// Faithful: layers, strides (the last block has stride 1: the paper's table says s2 but keeps 7x7), ReLU (Keras
/// uses ReLU6), no dropout (Keras adds 0.001). Differs: convolutions pad 1 on every side (PyTorch's convention; Keras
/// pads strided ones at the bottom and right only, which shifts the windows by a pixel), batch norm with PyTorch's
/// epsilon 1e-5 and momentum 0.1 (Keras: 1e-3, 0.99). Names follow torchvision's MobileNet v2 style: "features.0.0"
/// (stem conv), "features.0.1" (its batch norm), block k (1 to 13) "features.k.0.0" (depthwise), "features.k.0.1",
/// "features.k.1.0" (pointwise), "features.k.1.1", and "classifier".
/// </summary>
public static class MobileNetV1
{
    /// <summary>The smallest height and width accepted (as Keras's MobileNet).</summary>
    public const int MinimumInputSize = 32;

    private const float MaximumWidthMultiplier = 10f;

    // Pointwise filters and depthwise stride of the 13 blocks (paper, table 1).
    private static readonly (int Filters, int Stride)[] Blocks =
    [
        (64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2),
        (512, 1), (512, 1), (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1),
    ];

    /// <summary>A MobileNet v1 for [C, H, W] inputs of at least 32x32, e.g. <c>MobileNetV1.Create([3, 224, 224], 1000)</c>.</summary>
    public static Network Create(int[] inputShape, int classes, MobileNetV1Options? options = null, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        if (inputShape[1] < MinimumInputSize || inputShape[2] < MinimumInputSize)
            throw new ArgumentException($"MobileNet v1 takes inputs of at least {MinimumInputSize}x{MinimumInputSize}, got {inputShape[1]}x{inputShape[2]}; resize the images.", nameof(inputShape));
        options ??= new MobileNetV1Options();
        float alpha = options.WidthMultiplier;
        if (!(alpha >= 1f / 32 && alpha <= MaximumWidthMultiplier))
            throw new ArgumentOutOfRangeException(nameof(options), alpha, $"The width multiplier must be from 1/32 (the first layer keeps one filter) to {MaximumWidthMultiplier}, got {alpha}.");

        var layers = new List<Layer>();
        layers.AddRange(ConvBatchNormRelu(new Conv2D(Width(32, alpha), 3, stride: 2, padding: Padding.Explicit(1), useBias: false, name: "features.0.0"), "features.0"));
        for (int k = 0; k < Blocks.Length; k++)
        {
            var (filters, stride) = Blocks[k];
            string block = $"features.{k + 1}";
            layers.AddRange(ConvBatchNormRelu(new DepthwiseConv2D(3, stride, Padding.Explicit(1), useBias: false, name: $"{block}.0.0"), $"{block}.0"));
            layers.AddRange(ConvBatchNormRelu(new Conv2D(Width(filters, alpha), 1, useBias: false, name: $"{block}.1.0"), $"{block}.1"));
        }
        layers.Add(new GlobalAveragePool2D("avgpool"));
        layers.Add(new Dense(classes, name: "classifier"));
        return Network.Sequential(inputShape, layers, seed);
    }

    private static Layer[] ConvBatchNormRelu(Layer convolution, string prefix) =>
        [convolution, new BatchNorm(name: $"{prefix}.1"), new ReLU($"{prefix}.2")];

    // Keras: int(filters * alpha), i.e. truncation, computed in double as Python does.
    private static int Width(int filters, float alpha) => (int)(filters * (double)alpha);
}
