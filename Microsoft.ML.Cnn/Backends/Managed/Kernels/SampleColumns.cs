// Moves data between NCHW tensors and the per-group matrices of a chunk of samples, whose columns run over
// (sample, output pixel): im2col rows, the gathered output gradient, the scattered output, and col2im.
namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

internal static class SampleColumns
{
    /// <summary>
    /// Row <paramref name="r"/> = (c*KH + i)*KW + j of group <paramref name="group"/>'s column matrix for samples
    /// [first, first + count): row[s*OH*OW + o] is im2col of sample first + s. <paramref name="x"/> is the whole batch.
    /// </summary>
    public static void ExpandRow(ConvolutionDimensions d, ReadOnlySpan<float> x, int first, int count, int group, int r, Span<float> row)
    {
        int plane = d.OutputPlane, kernelArea = d.KernelHeight * d.KernelWidth;
        int c = r / kernelArea, i = r % kernelArea / d.KernelWidth, j = r % d.KernelWidth;
        int groupInput = d.ChannelsPerGroup * d.InputPlane;
        for (int s = 0; s < count; s++)
        {
            var xGroup = x.Slice((first + s) * d.InputSample + group * groupInput, groupInput);
            var destination = row.Slice(s * plane, plane);
            if (d.IsPointwise) xGroup.Slice(c * d.InputPlane, plane).CopyTo(destination);
            else Im2Col.ExpandRow(d, xGroup, c, i, j, destination);
        }
    }

    /// <summary>matrix [K/g, count*OH*OW] = group <paramref name="group"/>'s planes of samples [first, first + count) of t [N, K, OH, OW].</summary>
    public static void Gather(ConvolutionDimensions d, ReadOnlySpan<float> t, int first, int count, int group, Span<float> matrix)
    {
        int plane = d.OutputPlane, columns = count * plane;
        for (int k = 0; k < d.FiltersPerGroup; k++)
        {
            int channel = group * d.FiltersPerGroup + k;
            for (int s = 0; s < count; s++)
                t.Slice((first + s) * d.OutputSample + channel * plane, plane).CopyTo(matrix.Slice(k * columns + s * plane, plane));
        }
    }

    /// <summary>The inverse of <see cref="Gather"/>: y's group planes of samples [first, first + count) = matrix.</summary>
    public static void Scatter(ConvolutionDimensions d, ReadOnlySpan<float> matrix, int first, int count, int group, Span<float> y)
    {
        int plane = d.OutputPlane, columns = count * plane;
        for (int k = 0; k < d.FiltersPerGroup; k++)
        {
            int channel = group * d.FiltersPerGroup + k;
            for (int s = 0; s < count; s++)
                matrix.Slice(k * columns + s * plane, plane).CopyTo(y.Slice((first + s) * d.OutputSample + channel * plane, plane));
        }
    }

    /// <summary>
    /// col2im of group <paramref name="group"/>'s column matrix [C/g*KH*KW, count*OH*OW] onto dx [N, C, H, W]: adds for
    /// convolutions with a window, writes for pointwise ones (whose columns are the input planes themselves).
    /// </summary>
    public static void Accumulate(ConvolutionDimensions d, ReadOnlySpan<float> columns, int first, int count, int group, Span<float> dx)
    {
        int plane = d.OutputPlane, stride = count * plane, groupInput = d.ChannelsPerGroup * d.InputPlane;
        for (int s = 0; s < count; s++)
        {
            var dxGroup = dx.Slice((first + s) * d.InputSample + group * groupInput, groupInput);
            if (!d.IsPointwise)
            {
                Im2Col.Accumulate(d, columns[(s * plane)..], stride, dxGroup);
                continue;
            }
            for (int c = 0; c < d.ChannelsPerGroup; c++)
                columns.Slice(c * stride + s * plane, plane).CopyTo(dxGroup.Slice(c * d.InputPlane, plane));
        }
    }
}
