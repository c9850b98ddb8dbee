// Naive softmax, batch normalization and local response normalization, from the op docs, in float64.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class NaiveNormalization
{
    /// <summary>PyTorch's formula, written out: the window of channel c is c - size/2 .. c + (size-1)/2.</summary>
    public static float[] LocalResponseNorm(Microsoft.ML.Cnn.Ops.LocalResponseNorm op, Shape xs, float[] x)
    {
        var y = new float[x.Length];
        for (int n = 0; n < xs[0]; n++)
        for (int c = 0; c < xs[1]; c++)
        for (int h = 0; h < xs[2]; h++)
        for (int w = 0; w < xs[3]; w++)
        {
            double squares = 0;
            for (int k = c - op.Size / 2; k <= c + (op.Size - 1) / 2; k++)
            {
                if (k < 0 || k >= xs[1]) continue;
                double v = x[NaiveReference.At(xs, n, k, h, w)];
                squares += v * v;
            }
            int i = NaiveReference.At(xs, n, c, h, w);
            y[i] = (float)(x[i] / Math.Pow(op.K + op.Alpha / op.Size * squares, op.Beta));
        }
        return y;
    }

    public static float[] Softmax(Shape xs, float[] x)
    {
        int classes = xs[1];
        var y = new float[x.Length];
        for (int n = 0; n < xs[0]; n++)
        {
            var row = x.Skip(n * classes).Take(classes).Select(v => (double)v).ToArray();
            double max = row.Max();
            double sum = row.Sum(v => Math.Exp(v - max));
            for (int k = 0; k < classes; k++) y[n * classes + k] = (float)(Math.Exp(row[k] - max) / sum);
        }
        return y;
    }

    /// <summary>Inputs x, gamma, beta. Outputs y, batch mean, biased batch variance.</summary>
    public static float[][] BatchNormTraining(float epsilon, Shape xs, float[][] inputs)
    {
        int channels = xs[1];
        var mean = new float[channels];
        var variance = new float[channels];
        for (int c = 0; c < channels; c++)
        {
            var values = ChannelIndices(xs, c).Select(i => (double)inputs[0][i]).ToArray();
            double m = values.Average();
            mean[c] = (float)m;
            variance[c] = (float)values.Average(v => (v - m) * (v - m));
        }
        var y = Normalize(xs, inputs[0], mean, variance, inputs[1], inputs[2], epsilon);
        return [y, mean, variance];
    }

    /// <summary>Inputs x, gamma, beta, running mean, running variance.</summary>
    public static float[] BatchNormInference(float epsilon, Shape xs, float[][] inputs) =>
        Normalize(xs, inputs[0], inputs[3], inputs[4], inputs[1], inputs[2], epsilon);

    private static float[] Normalize(Shape xs, float[] x, float[] mean, float[] variance, float[] gamma, float[] beta, float epsilon)
    {
        var y = new float[x.Length];
        for (int c = 0; c < xs[1]; c++)
            foreach (int i in ChannelIndices(xs, c))
                y[i] = (float)(gamma[c] * (x[i] - (double)mean[c]) / Math.Sqrt(variance[c] + (double)epsilon) + beta[c]);
        return y;
    }

    /// <summary>Every flat index of channel c in [N, C] or [N, C, H, W].</summary>
    private static IEnumerable<int> ChannelIndices(Shape xs, int c)
    {
        int spatial = xs.Rank == 4 ? xs[2] * xs[3] : 1;
        for (int n = 0; n < xs[0]; n++)
            for (int s = 0; s < spatial; s++)
                yield return (n * xs[1] + c) * spatial + s;
    }
}
