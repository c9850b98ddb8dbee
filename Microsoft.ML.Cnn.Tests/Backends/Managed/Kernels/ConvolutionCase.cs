// Test helper: convolution shapes that cover every kernel path, and naive loop references for the three conv ops.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

public sealed record ConvolutionCase(string Name, int Batch, int Channels, int Height, int Width, int Filters,
    Conv2DGeometry Geometry, bool HasBias)
{
    public static IEnumerable<object[]> All()
    {
        static Conv2DGeometry G(int kh, int kw, int sh, int sw, Padding2D pad, int dh, int dw, int groups) => new(kh, kw, sh, sw, pad, dh, dw, groups);
        var asymmetric = new Padding2D(0, 2, 1, 0);
        var same = Padding2D.Symmetric(1, 1);
        yield return [new ConvolutionCase("plain 3x3 batch 1", 1, 3, 7, 6, 4, G(3, 3, 1, 1, Padding2D.None, 1, 1, 1), true)];
        yield return [new ConvolutionCase("stride 2 asymmetric pad", 3, 2, 9, 8, 5, G(3, 2, 2, 2, asymmetric, 1, 1, 1), true)];
        yield return [new ConvolutionCase("dilation 2 groups 2", 3, 4, 10, 9, 6, G(3, 3, 1, 1, same, 2, 2, 2), false)];
        yield return [new ConvolutionCase("mixed strides and dilations", 1, 3, 8, 11, 2, G(2, 3, 1, 2, new Padding2D(2, 0, 0, 1), 2, 1, 1), false)];
        yield return [new ConvolutionCase("depthwise same", 3, 4, 6, 7, 4, G(3, 3, 1, 1, same, 1, 1, 4), true)];
        yield return [new ConvolutionCase("depthwise multiplier 2 stride 2", 3, 3, 9, 8, 6, G(3, 3, 2, 2, asymmetric, 1, 1, 3), false)];
        yield return [new ConvolutionCase("depthwise dilation 2", 1, 2, 9, 9, 2, G(3, 3, 1, 2, same, 2, 2, 2), true)];
        yield return [new ConvolutionCase("single input channel", 2, 1, 8, 7, 5, G(3, 3, 1, 1, same, 1, 1, 1), true)];
        yield return [new ConvolutionCase("pointwise", 3, 5, 4, 5, 7, G(1, 1, 1, 1, Padding2D.None, 1, 1, 1), true)];
        yield return [new ConvolutionCase("pointwise groups 2", 3, 4, 3, 3, 6, G(1, 1, 1, 1, Padding2D.None, 1, 1, 2), false)];
        // Small output planes put several samples side by side in one GEMM; odd batches leave short chunks.
        yield return [new ConvolutionCase("1x1 output chunks batch 7", 7, 3, 5, 5, 6, G(5, 5, 1, 1, Padding2D.None, 1, 1, 1), true)];
        yield return [new ConvolutionCase("pointwise chunks groups 2 batch 5", 5, 4, 3, 3, 6, G(1, 1, 1, 1, Padding2D.None, 1, 1, 2), true)];
        yield return [new ConvolutionCase("32 filters one channel batch 5", 5, 1, 6, 6, 32, G(3, 3, 1, 1, same, 1, 1, 1), true)];
        yield return [new ConvolutionCase("strided chunks groups 2 batch 9", 9, 4, 7, 7, 4, G(3, 3, 2, 2, asymmetric, 1, 1, 2), false)];
        // One sample whose GEMM passes Conv2DKernel.MinSplitMultiplyAdds: the product is shared by filter rows.
        yield return [new ConvolutionCase("batch 1 filter rows split", 1, 16, 20, 20, 20, G(3, 3, 1, 1, same, 1, 1, 1), true)];
        yield return [new ConvolutionCase("batch 1 filter rows split groups 2", 1, 32, 22, 22, 34, G(3, 3, 1, 1, same, 1, 1, 2), true)];
        yield return [new ConvolutionCase("channels past one K block", 3, 33, 6, 6, 37, G(3, 3, 1, 1, same, 1, 1, 1), true)];
    }

    public Shape Input => new(Batch, Channels, Height, Width);

    public Shape Weight => new(Filters, Channels / Geometry.Groups, Geometry.KernelHeight, Geometry.KernelWidth);

    public Shape Output
    {
        get
        {
            var (oh, ow) = Geometry.OutputSize(Height, Width);
            return new Shape(Batch, Filters, oh, ow);
        }
    }

    public override string ToString() => Name;

    /// <summary>Calls <paramref name="visit"/>(x index, w index, y index) for every multiply-add of the convolution.</summary>
    public void ForEachTerm(Action<int, int, int> visit)
    {
        var g = Geometry;
        int cg = Channels / g.Groups, kg = Filters / g.Groups;
        var (oh, ow) = g.OutputSize(Height, Width);
        for (int n = 0; n < Batch; n++)
            for (int k = 0; k < Filters; k++)
                for (int c = 0; c < cg; c++)
                    for (int i = 0; i < g.KernelHeight; i++)
                        for (int j = 0; j < g.KernelWidth; j++)
                            for (int y = 0; y < oh; y++)
                                for (int x = 0; x < ow; x++)
                                {
                                    int ih = y * g.StrideHeight - g.Padding.Top + i * g.DilationHeight;
                                    int iw = x * g.StrideWidth - g.Padding.Left + j * g.DilationWidth;
                                    if (ih < 0 || ih >= Height || iw < 0 || iw >= Width) continue;
                                    int channel = k / kg * cg + c;
                                    visit(((n * Channels + channel) * Height + ih) * Width + iw,
                                        ((k * cg + c) * g.KernelHeight + i) * g.KernelWidth + j,
                                        ((n * Filters + k) * oh + y) * ow + x);
                                }
    }
}
