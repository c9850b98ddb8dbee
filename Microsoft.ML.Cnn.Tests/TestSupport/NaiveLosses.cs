// Naive losses, from the op docs, in float64: each the weighted mean over samples of a per-sample loss.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class NaiveLosses
{
    /// <summary>Inputs logits [N, K], labels [N], optional weights [N]: sum_n w_n (-sum_k q_k log p_k) / sum_n w_n.</summary>
    public static float[] SoftmaxCrossEntropy(SoftmaxCrossEntropy op, Shape xs, float[][] inputs)
    {
        int classes = xs[1];
        float[] p = NaiveNormalization.Softmax(xs, inputs[0]);
        double total = 0, weights = 0;
        for (int n = 0; n < xs[0]; n++)
        {
            int label = (int)inputs[1][n];
            double loss = 0;
            for (int k = 0; k < classes; k++)
            {
                double q = (k == label ? 1 - op.LabelSmoothing : 0) + op.LabelSmoothing / classes;
                loss -= q * Math.Log(p[n * classes + k]);
            }
            double w = (op.ClassWeights?[label] ?? 1) * (inputs.Length == 3 ? inputs[2][n] : 1);
            total += w * loss;
            weights += w;
        }
        return [(float)(total / weights)];
    }

    /// <summary>-t log sigmoid(z) - (1 - t) log(1 - sigmoid(z)), per-sample mean, then weighted mean.</summary>
    public static float[] SigmoidCrossEntropy(Shape xs, float[][] inputs) => WeightedMean(xs, inputs, (z, t) =>
    {
        double s = 1 / (1 + Math.Exp(-z));
        return -t * Math.Log(s) - (1 - t) * Math.Log(1 - s);
    });

    public static float[] MeanSquaredError(Shape xs, float[][] inputs) => WeightedMean(xs, inputs, (p, t) => (p - t) * (p - t));

    private static float[] WeightedMean(Shape xs, float[][] inputs, Func<double, double, double> term)
    {
        int batch = xs[0], perSample = xs.ElementCount / batch;
        double total = 0, weights = 0;
        for (int n = 0; n < batch; n++)
        {
            double sum = 0;
            for (int j = 0; j < perSample; j++) sum += term(inputs[0][n * perSample + j], inputs[1][n * perSample + j]);
            double w = inputs.Length == 3 ? inputs[2][n] : 1;
            total += w * sum / perSample;
            weights += w;
        }
        return [(float)(total / weights)];
    }
}
