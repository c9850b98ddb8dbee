// GoogLeNet's Inception module (Szegedy et al. 2014, Figure 2b): four parallel branches joined on channels.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>
/// The widths of one Inception module, a row of the paper's Table 1: "#1x1", "#3x3 reduce", "#3x3", "#5x5 reduce",
/// "#5x5", "pool proj". Output channels = Branch1 + Branch3 + Branch5 + PoolProjection.
/// </summary>
internal sealed record InceptionWidths(int Branch1, int Reduce3, int Branch3, int Reduce5, int Branch5, int PoolProjection)
{
    /// <summary>Table 1's modules in network order, with the max pool (3x3 stride 2) that precedes 4a and 5a.</summary>
    public static IReadOnlyList<(string Name, InceptionWidths Widths)> Table { get; } =
    [
        ("inception3a", new(64, 96, 128, 16, 32, 32)),
        ("inception3b", new(128, 128, 192, 32, 96, 64)),
        ("inception4a", new(192, 96, 208, 16, 48, 64)),
        ("inception4b", new(160, 112, 224, 24, 64, 64)),
        ("inception4c", new(128, 128, 256, 24, 64, 64)),
        ("inception4d", new(112, 144, 288, 32, 64, 64)),
        ("inception4e", new(256, 160, 320, 32, 128, 128)),
        ("inception5a", new(256, 160, 320, 32, 128, 128)),
        ("inception5b", new(384, 192, 384, 48, 128, 128)),
    ];
}

/// <summary>
/// Builds one Inception module: branch1 1x1; branch2 1x1 reduce then 3x3; branch3 1x1 reduce then 5x5 (3x3 in
/// torchvision); branch4 3x3 max pool stride 1 then a 1x1 projection; concatenated in that order ("name.concat").
/// Every convolution is a "unit" the caller supplies (conv + ReLU, or torchvision's conv + BN + ReLU), named
/// "name.branch1", "name.branch2.0", "name.branch2.1", ..., "name.branch4.1"; the pool is "name.branch4.0".
/// </summary>
internal static class InceptionModule
{
    /// <summary>Appends a convolution unit of (width, kernel, stride, padding k/2) named as given.</summary>
    public delegate SymbolicTensor ConvolutionUnit(SymbolicTensor x, int width, int kernel, int stride, string name);

    public static SymbolicTensor Call(SymbolicTensor x, InceptionWidths widths, int branch3Kernel, ConvolutionUnit unit, string name)
    {
        var branch1 = unit(x, widths.Branch1, 1, 1, $"{name}.branch1");
        var branch2 = unit(unit(x, widths.Reduce3, 1, 1, $"{name}.branch2.0"), widths.Branch3, 3, 1, $"{name}.branch2.1");
        var branch3 = unit(unit(x, widths.Reduce5, 1, 1, $"{name}.branch3.0"), widths.Branch5, branch3Kernel, 1, $"{name}.branch3.1");
        // torchvision asks for ceil mode here too; at stride 1 with padding 1 it changes nothing.
        var pooled = new MaxPool2D(3, stride: 1, padding: Padding.Explicit(1), name: $"{name}.branch4.0").Call(x);
        var branch4 = unit(pooled, widths.PoolProjection, 1, 1, $"{name}.branch4.1");
        return new Concat(name: $"{name}.concat").Call(branch1, branch2, branch3, branch4);
    }
}
