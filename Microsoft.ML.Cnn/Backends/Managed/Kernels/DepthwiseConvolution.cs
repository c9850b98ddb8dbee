// Direct loops for convolutions with one input channel per group (depthwise, with any channel multiplier),
// where im2col + GEMM would multiply by a single row. Each kernel tap is a strided row operation.
using System.Numerics.Tensors;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

internal static class DepthwiseConvolution
{
    private enum Direction { Forward, BackwardData, BackwardWeights }

    /// <summary>y[k] += sum over taps of w[k, tap] * shifted x[k / multiplier]; y already holds the bias or zeros.</summary>
    public static void Forward(ConvolutionDimensions d, ReadOnlySpan<float> x, ReadOnlySpan<float> w, Span<float> y)
    {
        for (int k = 0; k < d.Filters; k++)
            ForEachTap(d, k, Direction.Forward, x.Slice(k / d.FiltersPerGroup * d.InputPlane, d.InputPlane),
                w.Slice(k * d.KernelHeight * d.KernelWidth), y.Slice(k * d.OutputPlane, d.OutputPlane), default);
    }

    /// <summary>dx[c] += sum over its filters and taps of w * shifted dy; dx must start at zero.</summary>
    public static void BackwardData(ConvolutionDimensions d, ReadOnlySpan<float> dy, ReadOnlySpan<float> w, Span<float> dx)
    {
        for (int k = 0; k < d.Filters; k++)
            ForEachTap(d, k, Direction.BackwardData, dy.Slice(k * d.OutputPlane, d.OutputPlane),
                w.Slice(k * d.KernelHeight * d.KernelWidth), dx.Slice(k / d.FiltersPerGroup * d.InputPlane, d.InputPlane), default);
    }

    /// <summary>dw[k, tap] += sum over output pixels of dy[k] * shifted x[k / multiplier].</summary>
    public static void BackwardWeights(ConvolutionDimensions d, ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dw)
    {
        for (int k = 0; k < d.Filters; k++)
            ForEachTap(d, k, Direction.BackwardWeights, x.Slice(k / d.FiltersPerGroup * d.InputPlane, d.InputPlane),
                dy.Slice(k * d.OutputPlane, d.OutputPlane), default, dw.Slice(k * d.KernelHeight * d.KernelWidth));
    }

    // Forward: source = x plane, weights = w[k], target = y plane. BackwardData: source = dy plane,
    // weights = w[k], target = dx plane. BackwardWeights: source = x plane, weights = dy plane, taps = dw[k].
    private static void ForEachTap(ConvolutionDimensions d, int k, Direction direction, ReadOnlySpan<float> source,
        ReadOnlySpan<float> weights, Span<float> target, Span<float> taps)
    {
        for (int i = 0; i < d.KernelHeight; i++)
            for (int j = 0; j < d.KernelWidth; j++)
            {
                int tap = i * d.KernelWidth + j;
                int originW = j * d.DilationWidth - d.PadLeft;
                var (owStart, owEnd) = ConvolutionDimensions.ValidRange(originW, d.StrideWidth, d.Width, d.OutWidth);
                int originH = i * d.DilationHeight - d.PadTop;
                var (ohStart, ohEnd) = ConvolutionDimensions.ValidRange(originH, d.StrideHeight, d.Height, d.OutHeight);
                int count = owEnd - owStart;
                if (count <= 0) continue;
                float sum = 0;
                for (int oh = ohStart; oh < ohEnd; oh++)
                {
                    int inputRow = (oh * d.StrideHeight + originH) * d.Width + originW;
                    int outputRow = oh * d.OutWidth;
                    switch (direction)
                    {
                        case Direction.Forward:
                            MultiplyAdd(source, inputRow, d.StrideWidth, weights[tap], target, outputRow, 1, owStart, owEnd);
                            break;
                        case Direction.BackwardData:
                            MultiplyAdd(source, outputRow, 1, weights[tap], target, inputRow, d.StrideWidth, owStart, owEnd);
                            break;
                        default:
                            sum += Dot(source, inputRow, d.StrideWidth, weights, outputRow, owStart, owEnd);
                            break;
                    }
                }
                if (direction == Direction.BackwardWeights) taps[tap] += sum;
            }
    }

    // target[tBase + o*tStride] += scale * source[sBase + o*sStride] for o in [start, end).
    private static void MultiplyAdd(ReadOnlySpan<float> source, int sBase, int sStride, float scale, Span<float> target, int tBase, int tStride, int start, int end)
    {
        if (sStride == 1 && tStride == 1)
        {
            var t = target.Slice(tBase + start, end - start);
            TensorPrimitives.MultiplyAdd(source.Slice(sBase + start, end - start), scale, t, t);
            return;
        }
        for (int o = start; o < end; o++) target[tBase + o * tStride] += scale * source[sBase + o * sStride];
    }

    // sum of x[xBase + o*xStride] * dy[dyBase + o] for o in [start, end).
    private static float Dot(ReadOnlySpan<float> x, int xBase, int xStride, ReadOnlySpan<float> dy, int dyBase, int start, int end)
    {
        if (xStride == 1) return TensorPrimitives.Dot(x.Slice(xBase + start, end - start), dy.Slice(dyBase + start, end - start));
        float sum = 0;
        for (int o = start; o < end; o++) sum += x[xBase + o * xStride] * dy[dyBase + o];
        return sum;
    }
}
