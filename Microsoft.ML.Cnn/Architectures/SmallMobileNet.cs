// A small MobileNet (Howard et al. 2017): depthwise-separable blocks instead of full convolutions.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>
/// Stem conv 3x3 32 + BN + ReLU, then depthwise-separable blocks (depthwise 3x3, BN, ReLU, pointwise 1x1, BN, ReLU)
/// of widths 64, 128 (stride 2), 128, 256 (stride 2), then global average pooling and Dense classes (logits).
/// A depthwise-separable block costs 9C + C*K weights instead of 9C*K.
/// </summary>
public static class SmallMobileNet
{
    private static readonly (int Width, int Stride)[] Blocks = [(64, 1), (128, 2), (128, 1), (256, 2)];

    public static Network Create(int[] inputShape, int classes, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        var layers = new List<Layer>
        {
            new Conv2D(32, 3, padding: Padding.Same, useBias: false),
            new BatchNorm(),
            new ReLU(),
        };
        foreach (var (width, stride) in Blocks)
        {
            layers.AddRange(
            [
                new DepthwiseConv2D(3, stride: stride, padding: Padding.Same, useBias: false),
                new BatchNorm(),
                new ReLU(),
                new Conv2D(width, 1, useBias: false),
                new BatchNorm(),
                new ReLU(),
            ]);
        }
        layers.AddRange([new GlobalAveragePool2D(), new Dense(classes)]);
        return Network.Sequential(inputShape, layers, seed);
    }
}
