// Naive convolution (cross-correlation with stride, asymmetric padding, dilation, groups) and dense, from the op docs.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class NaiveConvolution
{
    /// <summary>y[n,k,oh,ow] = b[k] + sum over c in k's group, i, j of x[n, c, oh*sh - pt + i*dh, ow*sw - pl + j*dw] * w[k, c', i, j].</summary>
    public static float[] Conv2D(Conv2D conv, Shape[] shapes, float[][] inputs)
    {
        var g = conv.Geometry;
        Shape xs = shapes[0], ws = shapes[1];
        int batch = xs[0], height = xs[2], width = xs[3];
        int filters = ws[0], groupChannels = ws[1];
        int filtersPerGroup = filters / g.Groups;
        int outH = (height + g.Padding.Top + g.Padding.Bottom - g.DilationHeight * (g.KernelHeight - 1) - 1) / g.StrideHeight + 1;
        int outW = (width + g.Padding.Left + g.Padding.Right - g.DilationWidth * (g.KernelWidth - 1) - 1) / g.StrideWidth + 1;
        var ys = new Shape(batch, filters, outH, outW);
        var y = new float[ys.ElementCount];
        for (int n = 0; n < batch; n++)
        for (int k = 0; k < filters; k++)
        for (int oh = 0; oh < outH; oh++)
        for (int ow = 0; ow < outW; ow++)
        {
            double sum = conv.HasBias ? inputs[2][k] : 0;
            int group = k / filtersPerGroup;
            for (int cg = 0; cg < groupChannels; cg++)
            for (int i = 0; i < g.KernelHeight; i++)
            for (int j = 0; j < g.KernelWidth; j++)
            {
                int h = oh * g.StrideHeight - g.Padding.Top + i * g.DilationHeight;
                int w = ow * g.StrideWidth - g.Padding.Left + j * g.DilationWidth;
                if (h < 0 || h >= height || w < 0 || w >= width) continue; // zero padding
                int c = group * groupChannels + cg;
                sum += (double)inputs[0][NaiveReference.At(xs, n, c, h, w)] * inputs[1][NaiveReference.At(ws, k, cg, i, j)];
            }
            y[NaiveReference.At(ys, n, k, oh, ow)] = (float)sum;
        }
        return y;
    }

    /// <summary>y[n,u] = b[u] + sum_f x[n,f] w[u,f].</summary>
    public static float[] Dense(Dense dense, Shape[] shapes, float[][] inputs)
    {
        int batch = shapes[0][0], features = shapes[0][1], units = shapes[1][0];
        var y = new float[batch * units];
        for (int n = 0; n < batch; n++)
        for (int u = 0; u < units; u++)
        {
            double sum = dense.HasBias ? inputs[2][u] : 0;
            for (int f = 0; f < features; f++) sum += (double)inputs[0][n * features + f] * inputs[1][u * features + f];
            y[n * units + u] = (float)sum;
        }
        return y;
    }
}
