// im2col and its adjoint col2im for one group of one sample: the column matrix has a row per (channel,
// kernel row, kernel column) and a column per output pixel, so convolution becomes weights x columns.
using System.Numerics.Tensors;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

internal static class Im2Col
{
    /// <summary>
    /// Row (c*KH + i)*KW + j of the column matrix: row[oh*OW + ow] = x[c, oh*sh - pt + i*dh, ow*sw - pl + j*dw], or 0
    /// in the padding. Callers pack each row straight into GEMM panels, so the whole matrix is never stored.
    /// </summary>
    public static unsafe void ExpandRow(ConvolutionDimensions d, ReadOnlySpan<float> x, int c, int i, int j, Span<float> row)
    {
        var channel = x.Slice(c * d.InputPlane, d.InputPlane);
        if (row.Length < d.OutputPlane) throw new ArgumentException($"An im2col row needs {d.OutputPlane} floats; the span holds {row.Length}.", nameof(row));
        int originW = j * d.DilationWidth - d.PadLeft, outWidth = d.OutWidth, stride = d.StrideWidth;
        var (owStart, owEnd) = ConvolutionDimensions.ValidRange(originW, stride, d.Width, outWidth);
        // Pointers: output rows are 5 to 30 floats, where Span slicing and copy calls cost more than the copy.
        // ValidRange keeps every read inside the channel: ih is checked below, columns by [owStart, owEnd).
        fixed (float* source = channel, destination = row)
        {
            for (int oh = 0; oh < d.OutHeight; oh++)
            {
                float* target = destination + oh * outWidth;
                int ih = oh * d.StrideHeight - d.PadTop + i * d.DilationHeight;
                if ((uint)ih >= (uint)d.Height || owStart == owEnd)
                {
                    GemmPacking.CopyShort(null, target, 0, outWidth);
                    continue;
                }
                GemmPacking.CopyShort(null, target, 0, owStart);
                float* input = source + ih * d.Width + originW;
                if (stride == 1) GemmPacking.CopyShort(input + owStart, target + owStart, owEnd - owStart, outWidth - owEnd);
                else
                {
                    for (int ow = owStart; ow < owEnd; ow++) target[ow] = input[ow * stride];
                    GemmPacking.CopyShort(null, target + owEnd, 0, outWidth - owEnd);
                }
            }
        }
    }

    /// <summary>
    /// The adjoint of im2col: adds every column entry back onto the input pixel it came from. Row r of the column
    /// matrix starts at r * <paramref name="rowStride"/> (OH*OW, or more when several samples share the matrix).
    /// </summary>
    public static void Accumulate(ConvolutionDimensions d, ReadOnlySpan<float> columns, int rowStride, Span<float> x)
    {
        int plane = d.OutputPlane;
        for (int c = 0; c < d.ChannelsPerGroup; c++)
        {
            var channel = x.Slice(c * d.InputPlane, d.InputPlane);
            for (int i = 0; i < d.KernelHeight; i++)
                for (int j = 0; j < d.KernelWidth; j++)
                {
                    var row = columns.Slice(((c * d.KernelHeight + i) * d.KernelWidth + j) * rowStride, plane);
                    int originW = j * d.DilationWidth - d.PadLeft;
                    var (owStart, owEnd) = ConvolutionDimensions.ValidRange(originW, d.StrideWidth, d.Width, d.OutWidth);
                    if (owStart == owEnd) continue;
                    for (int oh = 0; oh < d.OutHeight; oh++)
                    {
                        int ih = oh * d.StrideHeight - d.PadTop + i * d.DilationHeight;
                        if ((uint)ih >= (uint)d.Height) continue;
                        var source = row.Slice(oh * d.OutWidth, d.OutWidth);
                        var destination = channel.Slice(ih * d.Width);
                        if (d.StrideWidth == 1)
                        {
                            var target = destination.Slice(originW + owStart, owEnd - owStart);
                            TensorPrimitives.Add(target, source[owStart..owEnd], target);
                        }
                        else
                            for (int ow = owStart; ow < owEnd; ow++) destination[originW + ow * d.StrideWidth] += source[ow];
                    }
                }
        }
    }
}
