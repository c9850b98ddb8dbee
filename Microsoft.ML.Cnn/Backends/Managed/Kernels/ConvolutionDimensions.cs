// The concrete sizes of one convolution (batch, channels, image, filters, output, geometry) resolved once
// when a kernel is created, plus the derived per-group matrix sizes the im2col + GEMM formulation uses.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

internal sealed class ConvolutionDimensions
{
    public ConvolutionDimensions(Conv2DGeometry geometry, Shape input, Shape weight)
    {
        Batch = input[0]; Channels = input[1]; Height = input[2]; Width = input[3];
        Filters = weight[0]; KernelHeight = weight[2]; KernelWidth = weight[3];
        (OutHeight, OutWidth) = geometry.OutputSize(Height, Width);
        StrideHeight = geometry.StrideHeight; StrideWidth = geometry.StrideWidth;
        PadTop = geometry.Padding.Top; PadLeft = geometry.Padding.Left;
        DilationHeight = geometry.DilationHeight; DilationWidth = geometry.DilationWidth;
        Groups = geometry.Groups;
        ChannelsPerGroup = Channels / Groups;
        FiltersPerGroup = Filters / Groups;
        if (weight[1] != ChannelsPerGroup)
            throw new ArgumentException($"Convolution weight {weight} does not match input {input} with {Groups} groups: expected {ChannelsPerGroup} channels per filter.");
        IsPointwise = KernelHeight == 1 && KernelWidth == 1 && StrideHeight == 1 && StrideWidth == 1 && geometry.Padding.IsNone;
        IsDepthwise = ChannelsPerGroup == 1 && Groups > 1;
    }

    public int Batch { get; }
    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }
    public int Filters { get; }
    public int KernelHeight { get; }
    public int KernelWidth { get; }
    public int OutHeight { get; }
    public int OutWidth { get; }
    public int StrideHeight { get; }
    public int StrideWidth { get; }
    public int PadTop { get; }
    public int PadLeft { get; }
    public int DilationHeight { get; }
    public int DilationWidth { get; }
    public int Groups { get; }
    public int ChannelsPerGroup { get; }
    public int FiltersPerGroup { get; }

    /// <summary>1x1, stride 1, no padding: the input plane already is the column matrix.</summary>
    public bool IsPointwise { get; }

    /// <summary>
    /// Several groups of one input channel each: a direct loop beats many GEMMs with a KH*KW reduction. A single
    /// one-channel group (a first layer on grayscale images) still goes through one GEMM over all filters.
    /// </summary>
    public bool IsDepthwise { get; }

    public int InputPlane => Height * Width;
    public int OutputPlane => OutHeight * OutWidth;
    public int InputSample => Channels * InputPlane;
    public int OutputSample => Filters * OutputPlane;

    /// <summary>Rows of the per-group column matrix (and columns of a group's weight matrix): C/g * KH * KW.</summary>
    public int ColumnRows => ChannelsPerGroup * KernelHeight * KernelWidth;

    /// <summary>Floats of one group's column matrix [ColumnRows, OH*OW]; zero when no column matrix is needed.</summary>
    public int ColumnLength => IsPointwise || IsDepthwise ? 0 : ColumnRows * OutputPlane;

    /// <summary>
    /// Packs every group's weight matrix [K/g, C/g*KH*KW] (or its transpose, for backward data) as the GEMM's A
    /// operand, group g at <c>g * groupLength</c> in <paramref name="packed"/>.
    /// </summary>
    public void PackGroupWeights(GemmPath path, bool transposed, ReadOnlySpan<float> weights, Span<float> packed, int groupLength)
    {
        int rows = transposed ? ColumnRows : FiltersPerGroup, depth = transposed ? FiltersPerGroup : ColumnRows;
        for (int g = 0; g < Groups; g++)
            Gemm.PackA(path, transposed, weights.Slice(g * FiltersPerGroup * ColumnRows), ColumnRows, rows, depth,
                packed.Slice(g * groupLength, groupLength));
    }

    /// <summary>Output positions o in [0, count) with 0 &lt;= origin + o * stride &lt; limit, as [Start, End).</summary>
    public static (int Start, int End) ValidRange(int origin, int stride, int limit, int count)
    {
        int start = origin >= 0 ? 0 : (-origin + stride - 1) / stride;
        int end = limit - origin <= 0 ? 0 : Math.Min(count, (limit - origin + stride - 1) / stride);
        return (Math.Min(start, end), end);
    }
}
