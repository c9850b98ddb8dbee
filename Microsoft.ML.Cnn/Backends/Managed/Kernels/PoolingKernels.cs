// Max, average and global average pooling over [N, C, H, W], forward and backward, one (n, c) plane per item.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>The concrete sizes of one pooled plane: input [H, W], output [OH, OW] and the window.</summary>
internal readonly struct PoolingPlane
{
    public PoolingPlane(Pool2DGeometry geometry, Shape input, Shape output)
    {
        Geometry = geometry;
        Planes = input[0] * input[1];
        Height = input[2];
        Width = input[3];
        OutputHeight = output[2];
        OutputWidth = output[3];
        IsHalving = geometry is { KernelHeight: 2, KernelWidth: 2, StrideHeight: 2, StrideWidth: 2 } && geometry.Padding.IsNone
            && 2 * OutputHeight <= Height && 2 * OutputWidth <= Width;
    }

    public Pool2DGeometry Geometry { get; }
    public int Planes { get; }
    public int Height { get; }
    public int Width { get; }
    public int OutputHeight { get; }
    public int OutputWidth { get; }
    public int InputLength => Height * Width;
    public int OutputLength => OutputHeight * OutputWidth;

    /// <summary>2x2 windows at stride 2 that all lie inside the input: the common case, which gets a direct loop.</summary>
    public bool IsHalving { get; }

    /// <summary>
    /// Index in the plane of the maximum of the 2x2 window at (oh, ow), with <see cref="ArgMax"/>'s tie and NaN
    /// rules (the first maximum in row-major order wins) but no window clipping: only when <see cref="IsHalving"/>.
    /// </summary>
    public int HalvingArgMax(ReadOnlySpan<float> plane, int oh, int ow)
    {
        // NOTE: picks by bit masks rather than branches: on real activations every comparison is a coin flip, and
        // mispredicted branches made this loop ten times slower than the memory traffic it needs.
        int first = 2 * (oh * Width + ow), below = first + Width;
        int best = Pick(first, first + 1, plane[first + 1] > plane[first]);
        best = Pick(best, below, plane[below] > plane[best]);
        return Pick(best, below + 1, plane[below + 1] > plane[best]);
    }

    // b when take, else a, compiled to setcc and integer masks (no branch).
    private static int Pick(int a, int b, bool take)
    {
        int mask = -(take ? 1 : 0);
        return a ^ ((a ^ b) & mask);
    }

    /// <summary>The window of output (oh, ow) clipped to the input: rows [h0, h1), columns [w0, w1).</summary>
    public (int H0, int H1, int W0, int W1) Window(int oh, int ow)
    {
        int top = oh * Geometry.StrideHeight - Geometry.Padding.Top;
        int left = ow * Geometry.StrideWidth - Geometry.Padding.Left;
        return (Math.Max(top, 0), Math.Min(top + Geometry.KernelHeight, Height),
                Math.Max(left, 0), Math.Min(left + Geometry.KernelWidth, Width));
    }

    /// <summary>Index in the plane of the window's maximum; the first in row-major order wins ties (as in PyTorch).</summary>
    public int ArgMax(ReadOnlySpan<float> plane, int oh, int ow)
    {
        var (h0, h1, w0, w1) = Window(oh, ow);
        // NOTE: padding only clips the window, so padded positions never win (unlike padding with zeros).
        int best = h0 * Width + w0;
        for (int h = h0; h < h1; h++)
            for (int w = w0; w < w1; w++)
                if (plane[h * Width + w] > plane[best]) best = h * Width + w;
        return best;
    }
}

/// <summary>y[n,c,oh,ow] = max of x over the window.</summary>
internal sealed class MaxPool2DKernel(PoolingPlane plane) : ParallelKernel
{
    protected override int ItemCount => plane.Planes;

    protected override void RunItem(int item)
    {
        var x = Arguments.Inputs[0].Slice(item * plane.InputLength, plane.InputLength);     // [H, W]
        var y = Arguments.Outputs[0].Slice(item * plane.OutputLength, plane.OutputLength);  // [OH, OW]
        int outputWidth = plane.OutputWidth;
        if (plane.IsHalving)
            for (int oh = 0; oh < plane.OutputHeight; oh++)
                for (int ow = 0; ow < outputWidth; ow++)
                    y[oh * outputWidth + ow] = x[plane.HalvingArgMax(x, oh, ow)];
        else
            for (int oh = 0; oh < plane.OutputHeight; oh++)
                for (int ow = 0; ow < outputWidth; ow++)
                    y[oh * outputWidth + ow] = x[plane.ArgMax(x, oh, ow)];
    }
}

/// <summary>dx = 0, then each dy added at its window's arg-max, recomputed from x. Inputs: x, y, dy.</summary>
internal sealed class MaxPool2DBackwardKernel(PoolingPlane plane) : ParallelKernel
{
    protected override int ItemCount => plane.Planes;

    protected override void RunItem(int item)
    {
        var x = Arguments.Inputs[0].Slice(item * plane.InputLength, plane.InputLength);     // [H, W]
        var dy = Arguments.Inputs[2].Slice(item * plane.OutputLength, plane.OutputLength);  // [OH, OW]
        var dx = Arguments.Outputs[0].Slice(item * plane.InputLength, plane.InputLength);   // [H, W]
        dx.Clear();
        int outputWidth = plane.OutputWidth;
        if (plane.IsHalving)
            for (int oh = 0; oh < plane.OutputHeight; oh++)
                for (int ow = 0; ow < outputWidth; ow++)
                    dx[plane.HalvingArgMax(x, oh, ow)] += dy[oh * outputWidth + ow];
        else
            for (int oh = 0; oh < plane.OutputHeight; oh++)
                for (int ow = 0; ow < outputWidth; ow++)
                    dx[plane.ArgMax(x, oh, ow)] += dy[oh * outputWidth + ow];
    }
}

/// <summary>y = sum over the window / divisor (KH*KW, or the in-bounds count without padding).</summary>
internal sealed class AvgPool2DKernel(PoolingPlane plane, bool countIncludesPadding) : ParallelKernel
{
    protected override int ItemCount => plane.Planes;

    protected override void RunItem(int item)
    {
        var x = Arguments.Inputs[0].Slice(item * plane.InputLength, plane.InputLength);     // [H, W]
        var y = Arguments.Outputs[0].Slice(item * plane.OutputLength, plane.OutputLength);  // [OH, OW]
        for (int oh = 0; oh < plane.OutputHeight; oh++)
        {
            for (int ow = 0; ow < plane.OutputWidth; ow++)
            {
                var (h0, h1, w0, w1) = plane.Window(oh, ow);
                float sum = 0f;
                for (int h = h0; h < h1; h++)
                    for (int w = w0; w < w1; w++)
                        sum += x[h * plane.Width + w];
                y[oh * plane.OutputWidth + ow] = sum / AvgPoolDivisor.Of(plane, countIncludesPadding, h0, h1, w0, w1);
            }
        }
    }
}

/// <summary>dx = 0, then each dy / divisor added to every in-bounds position of its window. Input: dy.</summary>
internal sealed class AvgPool2DBackwardKernel(PoolingPlane plane, bool countIncludesPadding) : ParallelKernel
{
    protected override int ItemCount => plane.Planes;

    protected override void RunItem(int item)
    {
        var dy = Arguments.Inputs[0].Slice(item * plane.OutputLength, plane.OutputLength);  // [OH, OW]
        var dx = Arguments.Outputs[0].Slice(item * plane.InputLength, plane.InputLength);   // [H, W]
        dx.Clear();
        for (int oh = 0; oh < plane.OutputHeight; oh++)
        {
            for (int ow = 0; ow < plane.OutputWidth; ow++)
            {
                var (h0, h1, w0, w1) = plane.Window(oh, ow);
                float share = dy[oh * plane.OutputWidth + ow] / AvgPoolDivisor.Of(plane, countIncludesPadding, h0, h1, w0, w1);
                for (int h = h0; h < h1; h++)
                    for (int w = w0; w < w1; w++)
                        dx[h * plane.Width + w] += share;
            }
        }
    }
}

internal static class AvgPoolDivisor
{
    /// <summary>
    /// KH*KW when padding counts (output sizes are floored, so a window never leaves the padded input and this
    /// equals PyTorch's count_include_pad divisor); otherwise the positions inside the input.
    /// </summary>
    public static float Of(PoolingPlane plane, bool countIncludesPadding, int h0, int h1, int w0, int w1) =>
        countIncludesPadding ? plane.Geometry.KernelHeight * plane.Geometry.KernelWidth : (h1 - h0) * (w1 - w0);
}

/// <summary>y[n,c] = mean of the plane x[n,c,:,:].</summary>
internal sealed class GlobalAvgPoolKernel(Shape input) : ParallelKernel
{
    private readonly int _planeLength = input[2] * input[3];

    protected override int ItemCount => input[0] * input[1];

    protected override void RunItem(int item)
    {
        var x = Arguments.Inputs[0].Slice(item * _planeLength, _planeLength); // [H, W]
        double sum = 0;
        foreach (float v in x) sum += v;
        Arguments.Outputs[0].Span[item] = (float)(sum / _planeLength);
    }
}

/// <summary>dx[n,c,:,:] = dy[n,c] / (H*W).</summary>
internal sealed class GlobalAvgPoolBackwardKernel(Shape input) : ParallelKernel
{
    private readonly int _planeLength = input[2] * input[3];

    protected override int ItemCount => input[0] * input[1];

    protected override void RunItem(int item) =>
        Arguments.Outputs[0].Slice(item * _planeLength, _planeLength).Fill(Arguments.Inputs[0].Span[item] / _planeLength);
}
