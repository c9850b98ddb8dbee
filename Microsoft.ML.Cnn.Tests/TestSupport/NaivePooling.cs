// Naive max, average, L2 and global average pooling over [N, C, H, W], from the op docs.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class NaivePooling
{
    public static float[] MaxPool(Pool2DGeometry g, Shape xs, float[] x) => Pool(g, xs, x, (values, _) =>
    {
        double best = double.NegativeInfinity;
        foreach (double v in values) best = Math.Max(best, v); // padded positions are not in the list, so never win
        return best;
    });

    public static float[] AvgPool(Pool2DGeometry g, bool countIncludesPadding, Shape xs, float[] x) =>
        Pool(g, xs, x, (values, windowSize) => values.Sum() / (countIncludesPadding ? windowSize : values.Count));

    /// <summary>Padded positions are zeros: they add nothing to the sum of squares.</summary>
    public static float[] L2Pool(Pool2DGeometry g, Shape xs, float[] x) => Pool(g, xs, x, (values, _) => Math.Sqrt(values.Sum(v => v * v)));

    public static float[] GlobalAvgPool(Shape xs, float[] x)
    {
        int planes = xs[0] * xs[1], length = xs[2] * xs[3];
        var y = new float[planes];
        for (int p = 0; p < planes; p++) y[p] = (float)x.Skip(p * length).Take(length).Average(v => (double)v);
        return y;
    }

    /// <summary>Applies <paramref name="reduce"/> to the in-bounds values of every window (and the full window size).</summary>
    private static float[] Pool(Pool2DGeometry g, Shape xs, float[] x, Func<List<double>, int, double> reduce)
    {
        int outH = (xs[2] + g.Padding.Top + g.Padding.Bottom - g.KernelHeight) / g.StrideHeight + 1;
        int outW = (xs[3] + g.Padding.Left + g.Padding.Right - g.KernelWidth) / g.StrideWidth + 1;
        var ys = new Shape(xs[0], xs[1], outH, outW);
        var y = new float[ys.ElementCount];
        var values = new List<double>();
        for (int n = 0; n < xs[0]; n++)
        for (int c = 0; c < xs[1]; c++)
        for (int oh = 0; oh < outH; oh++)
        for (int ow = 0; ow < outW; ow++)
        {
            values.Clear();
            for (int i = 0; i < g.KernelHeight; i++)
            for (int j = 0; j < g.KernelWidth; j++)
            {
                int h = oh * g.StrideHeight - g.Padding.Top + i, w = ow * g.StrideWidth - g.Padding.Left + j;
                if (h >= 0 && h < xs[2] && w >= 0 && w < xs[3]) values.Add(x[NaiveReference.At(xs, n, c, h, w)]);
            }
            y[NaiveReference.At(ys, n, c, oh, ow)] = (float)reduce(values, g.KernelHeight * g.KernelWidth);
        }
        return y;
    }
}
