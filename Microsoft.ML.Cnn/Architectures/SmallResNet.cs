// A small ResNet (He et al. 2016): a stem, stages of residual basic blocks with batch norm, global pooling.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>
/// Stem conv 3x3 + BN + ReLU, then stages of basic blocks (conv 3x3, BN, ReLU, conv 3x3, BN, add shortcut, ReLU).
/// The first block of every stage after the first halves H and W (stride 2) and doubles the width, so its shortcut
/// is projected by a 1x1 stride-2 convolution + BN. Ends with global average pooling and Dense classes (logits).
/// </summary>
public static class SmallResNet
{
    public static Network Create(int[] inputShape, int classes, int[]? stageWidths = null, int blocksPerStage = 1, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        stageWidths ??= [16, 32, 64];
        if (stageWidths.Length == 0 || stageWidths.Any(w => w <= 0)) throw new ArgumentException("Stage widths must be positive and there must be at least one.", nameof(stageWidths));
        if (blocksPerStage <= 0) throw new ArgumentOutOfRangeException(nameof(blocksPerStage), blocksPerStage, "Each stage needs at least one block.");

        var input = Network.Input(inputShape);
        var x = ConvBnRelu(input, stageWidths[0], stride: 1, "stem");
        int channels = stageWidths[0];
        for (int stage = 0; stage < stageWidths.Length; stage++)
        {
            for (int block = 0; block < blocksPerStage; block++)
            {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                x = BasicBlock(x, channels, stageWidths[stage], stride, $"stage{stage + 1}_block{block + 1}");
                channels = stageWidths[stage];
            }
        }
        x = new GlobalAveragePool2D(name: "pool").Call(x);
        x = new Dense(classes, name: "output").Call(x);
        return new Network(input, x, seed);
    }

    private static SymbolicTensor BasicBlock(SymbolicTensor x, int inChannels, int width, int stride, string name)
    {
        var y = ConvBnRelu(x, width, stride, $"{name}_a");
        y = new Conv2D(width, 3, padding: Padding.Same, useBias: false, name: $"{name}_b_conv").Call(y);
        y = new BatchNorm(name: $"{name}_b_bn").Call(y);
        var shortcut = x;
        if (stride != 1 || inChannels != width)
        {
            shortcut = new Conv2D(width, 1, stride: stride, useBias: false, name: $"{name}_projection").Call(x);
            shortcut = new BatchNorm(name: $"{name}_projection_bn").Call(shortcut);
        }
        y = new Layers.Add(name: $"{name}_add").Call(y, shortcut);
        return new ReLU(name: $"{name}_out").Call(y);
    }

    private static SymbolicTensor ConvBnRelu(SymbolicTensor x, int width, int stride, string name)
    {
        x = new Conv2D(width, 3, stride: stride, padding: Padding.Same, useBias: false, name: $"{name}_conv").Call(x);
        x = new BatchNorm(name: $"{name}_bn").Call(x);
        return new ReLU(name: $"{name}_relu").Call(x);
    }
}
