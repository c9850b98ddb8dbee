// GoogLeNet (Szegedy et al. 2014, Inception v1): a stem, nine Inception modules, global average pooling.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>Which GoogLeNet to build. Persisted in presets: values are pinned.</summary>
public enum GoogLeNetVariant : byte
{
    /// <summary>As published: convolutions with bias and ReLU, no batch norm, 5x5 convolutions in the third branch.</summary>
    Paper = 0,
    /// <summary>torchvision's <c>googlenet</c>: conv (no bias) + BN (eps 0.001) + ReLU units, 3x3 in the third branch.</summary>
    Torchvision = 1,
}

/// <summary>GoogLeNet's choices: the variant, the dropout before the classifier, and the stem's LRN.</summary>
/// <param name="Variant">Paper or torchvision.</param>
/// <param name="DropoutRate">Dropout before the last Dense layer (0.4 in the paper, 0.2 in torchvision).</param>
/// <param name="UseLocalResponseNorm">
/// Local response normalization "lrn1" after maxpool1 and "lrn2" after conv3, as in the paper's Figure 3, with the
/// constants of the authors' Caffe model (size 5, alpha 1e-4, beta 0.75, k 1). On in <see cref="Paper"/>; torchvision has none.
/// </param>
public sealed record GoogLeNetOptions(GoogLeNetVariant Variant, float DropoutRate, bool UseLocalResponseNorm)
{
    /// <summary>The paper's network with its LRN: 6,998,552 parameters for 1000 classes (Table 1 lists ≈6.8M; see <see cref="GoogLeNet"/>).</summary>
    public static GoogLeNetOptions Paper { get; } = new(GoogLeNetVariant.Paper, 0.4f, UseLocalResponseNorm: true);

    /// <summary>torchvision's network without auxiliary heads: 6,624,904 parameters for 1000 classes.</summary>
    public static GoogLeNetOptions Torchvision { get; } = new(GoogLeNetVariant.Torchvision, 0.2f, UseLocalResponseNorm: false);
}

/// <summary>
/// GoogLeNet (Inception v1). Stem: conv1 7x7 stride 2, maxpool1 3x3 stride 2, conv2 1x1 64, conv3 3x3 192, maxpool2;
/// Inception modules 3a, 3b, maxpool3, 4a..4e, maxpool4, 5a, 5b with the widths of the paper's Table 1 (see
/// <see cref="InceptionModule"/>); global average pooling (the paper's 7x7 average pool at 224x224), dropout, Dense
/// classes "fc" (logits). Convolutions are padded by k/2 and max pools round their output size up (ceil mode), as in
/// Caffe and torchvision, which gives the paper's 112, 56, 28, 14, 7 at 224x224.
/// <para><see cref="GoogLeNetVariant.Paper"/>: convolutions with bias and ReLU, 5x5 in branch 3, maxpool4 3x3 stride 2,
/// dropout 0.4, local response normalization after maxpool1 and conv3 (Figure 3; Table 1 omits it). Parameters:
/// 6,998,552 for 1000 classes (LRN has none). Table 1's "params" column sums
/// to 6,797.7K but counts weights only in units of 1024 (its linear layer 1024x1000 is "1000K"): our 6,990,272
/// weights are 6,826.4 such K, the paper's ≈6.8M; its per-row figures are approximate (conv1's 9,408 weights read 2.7K).</para>
/// <para><see cref="GoogLeNetVariant.Torchvision"/>: torchvision's module names and structure (conv1.conv, conv1.bn,
/// inception3a.branch2.0.conv, ..., fc), so parameter names map to its state_dict keys: each convolution unit is
/// conv without bias + BatchNorm (epsilon 0.001) + ReLU, branch 3 has the 3x3 kernel torchvision keeps for its weights
/// (its "known bug", pytorch/vision#906), maxpool4 is 2x2 stride 2, dropout 0.2, no LRN; transform_input off.</para>
/// Neither variant has the two auxiliary classifiers: they only add a training loss (torchvision drops them at
/// inference and when loading weights with aux_logits=False), and the forward comparison is made without them.
/// Smallest inputs: 15x15 for the torchvision variant (as in torchvision, smaller ones leave maxpool3 a 1x1 input
/// and fail there, naming it), 31x31 for the paper's (its 3x3 maxpool4 needs a 2x2 input).
/// </summary>
public static class GoogLeNet
{
    /// <summary>A GoogLeNet, e.g. <c>GoogLeNet.Create([3, 224, 224], 1000, GoogLeNetOptions.Torchvision)</c>; the paper's by default.</summary>
    public static Network Create(int[] inputShape, int classes, GoogLeNetOptions? options = null, long seed = 0)
    {
        ArchitectureArguments.Check(inputShape, classes);
        options ??= GoogLeNetOptions.Paper;
        if (!Enum.IsDefined(options.Variant))
            throw new ArgumentOutOfRangeException(nameof(options), options.Variant, "Use GoogLeNetVariant.Paper or GoogLeNetVariant.Torchvision.");
        bool paper = options.Variant == GoogLeNetVariant.Paper;
        InceptionModule.ConvolutionUnit unit = paper ? PaperUnit : TorchvisionUnit;

        var input = Network.Input(inputShape);
        var x = unit(input, 64, 7, 2, "conv1");
        x = new MaxPool2D(3, stride: 2, ceilMode: true, name: "maxpool1").Call(x);
        if (options.UseLocalResponseNorm) x = new LocalResponseNorm(5, 1e-4f, 0.75f, 1f, name: "lrn1").Call(x);
        x = unit(x, 64, 1, 1, "conv2");
        x = unit(x, 192, 3, 1, "conv3");
        if (options.UseLocalResponseNorm) x = new LocalResponseNorm(5, 1e-4f, 0.75f, 1f, name: "lrn2").Call(x);
        x = new MaxPool2D(3, stride: 2, ceilMode: true, name: "maxpool2").Call(x);
        foreach (var (name, widths) in InceptionWidths.Table)
        {
            if (name == "inception4a") x = new MaxPool2D(3, stride: 2, ceilMode: true, name: "maxpool3").Call(x);
            if (name == "inception5a") x = new MaxPool2D(paper ? 3 : 2, stride: 2, ceilMode: true, name: "maxpool4").Call(x);
            x = InceptionModule.Call(x, widths, branch3Kernel: paper ? 5 : 3, unit, name);
        }
        x = new GlobalAveragePool2D(name: "avgpool").Call(x);
        x = new Dropout(options.DropoutRate, name: "dropout").Call(x);
        x = new Dense(classes, name: "fc").Call(x);
        return new Network(input, x, seed);
    }

    private static SymbolicTensor PaperUnit(SymbolicTensor x, int width, int kernel, int stride, string name) =>
        new Conv2D(width, kernel, stride: stride, padding: Padding.Explicit(kernel / 2), activation: Activation.Relu, name: name).Call(x);

    // torchvision's BasicConv2d: the BN's shift replaces the convolution's bias.
    private static SymbolicTensor TorchvisionUnit(SymbolicTensor x, int width, int kernel, int stride, string name)
    {
        x = new Conv2D(width, kernel, stride: stride, padding: Padding.Explicit(kernel / 2), useBias: false, name: $"{name}.conv").Call(x);
        x = new BatchNorm(epsilon: 0.001f, name: $"{name}.bn").Call(x);
        return new ReLU(name: $"{name}.relu").Call(x);
    }
}
