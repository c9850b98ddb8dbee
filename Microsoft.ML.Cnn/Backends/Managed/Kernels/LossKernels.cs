// Loss kernels: each forward reduces a batch to a weighted mean (a scalar), each backward gives d loss / d predictions
// scaled by the incoming scalar gradient. Sequential: losses are small, and a bad label must throw on the caller's thread.
using System.Globalization;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>Per-sample weights and class labels as losses read them.</summary>
internal static class LossInputs
{
    /// <summary>Sample weight n, or 1 when the op has no weights input.</summary>
    public static float SampleWeight(KernelArguments arguments, bool hasSampleWeights, int n) =>
        hasSampleWeights ? arguments.Inputs[2].Span[n] : 1f;

    /// <summary>The class index an integral float label stands for; anything else is an error naming the label.</summary>
    public static int ClassIndex(float label, int sample, int classes)
    {
        int index = (int)label;
        if (index != label || index < 0 || index >= classes)
        {
            throw new ArgumentOutOfRangeException("labels", label.ToString(CultureInfo.InvariantCulture),
                $"Label {label.ToString(CultureInfo.InvariantCulture)} of sample {sample} is not a class index: " +
                $"with {classes} classes, labels must be integers 0 to {classes - 1}.");
        }
        return index;
    }

    /// <summary>
    /// The mean's divisor. NOTE: when every weight is zero the loss and its gradient are 0 (PyTorch gives NaN),
    /// so a batch of fully masked samples does not poison training.
    /// </summary>
    public static double Normalizer(double weightSum) => weightSum == 0 ? double.PositiveInfinity : weightSum;
}

/// <summary>
/// logits [N, K], labels [N], [weights [N]] to the weighted mean of -sum_k q_k log softmax(x)_k, with
/// q = (1-s) onehot(label) + s/K and sample weight ClassWeights[label] * weight.
/// </summary>
internal sealed class SoftmaxCrossEntropyKernel(Shape logits, bool backward, bool hasSampleWeights, float smoothing, float[]? classWeights)
    : ManagedKernel
{
    private readonly int _batch = logits[0];
    private readonly int _classes = logits[1];

    public override void Execute(KernelArguments arguments)
    {
        ReadOnlySpan<float> labels = arguments.Inputs[1].Span; // [N]
        double weightSum = 0;
        for (int n = 0; n < _batch; n++) weightSum += Weight(arguments, labels, n);
        double normalizer = LossInputs.Normalizer(weightSum);
        if (backward) Backward(arguments, labels, normalizer);
        else Forward(arguments, labels, normalizer);
    }

    private void Forward(KernelArguments arguments, ReadOnlySpan<float> labels, double normalizer)
    {
        double total = 0;
        for (int n = 0; n < _batch; n++)
        {
            var x = arguments.Inputs[0].Slice(n * _classes, _classes); // [K]
            double logSumExp = LogSumExp(x), sumX = 0;
            foreach (float v in x) sumX += v;
            int label = LossInputs.ClassIndex(labels[n], n, _classes);
            // -sum_k q_k (x_k - logSumExp) = logSumExp - (1-s) x_label - (s/K) sum_k x_k, since sum_k q_k = 1.
            double loss = logSumExp - (1 - smoothing) * x[label] - smoothing / _classes * sumX;
            total += Weight(arguments, labels, n) * loss;
        }
        arguments.Outputs[0].Span[0] = (float)(total / normalizer);
    }

    private void Backward(KernelArguments arguments, ReadOnlySpan<float> labels, double normalizer)
    {
        double dLoss = arguments.Inputs[^1].Span[0];
        for (int n = 0; n < _batch; n++)
        {
            var x = arguments.Inputs[0].Slice(n * _classes, _classes);   // [K]
            var dx = arguments.Outputs[0].Slice(n * _classes, _classes); // [K]
            double logSumExp = LogSumExp(x);
            int label = LossInputs.ClassIndex(labels[n], n, _classes);
            double scale = dLoss * Weight(arguments, labels, n) / normalizer;
            for (int k = 0; k < _classes; k++)
            {
                double q = (k == label ? 1 - smoothing : 0) + smoothing / _classes;
                dx[k] = (float)(scale * (Math.Exp(x[k] - logSumExp) - q));
            }
        }
    }

    private double Weight(KernelArguments arguments, ReadOnlySpan<float> labels, int n)
    {
        double classWeight = classWeights is null ? 1 : classWeights[LossInputs.ClassIndex(labels[n], n, _classes)];
        return classWeight * LossInputs.SampleWeight(arguments, hasSampleWeights, n);
    }

    private static double LogSumExp(ReadOnlySpan<float> x)
    {
        float max = float.NegativeInfinity;
        foreach (float v in x) max = Math.Max(max, v);
        double sum = 0;
        foreach (float v in x) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}

/// <summary>
/// A loss that is the weighted mean over samples of the per-sample mean of an elementwise term l(p, t).
/// Inputs: predictions [N, ...], targets (same shape), [weights [N]], and for the backward the scalar dLoss.
/// </summary>
internal abstract class ElementwiseLossKernel(Shape predictions, bool backward, bool hasSampleWeights) : ManagedKernel
{
    private readonly int _batch = predictions.Rank == 0 ? 1 : predictions[0];
    private readonly int _perSample = predictions.Rank == 0 ? 1 : predictions.ElementCount / predictions[0];

    /// <summary>The elementwise term l(p, t).</summary>
    protected abstract double Term(double p, double t);

    /// <summary>d l(p, t) / d p.</summary>
    protected abstract double TermGradient(double p, double t);

    public override void Execute(KernelArguments arguments)
    {
        double weightSum = 0;
        for (int n = 0; n < _batch; n++) weightSum += LossInputs.SampleWeight(arguments, hasSampleWeights, n);
        double normalizer = LossInputs.Normalizer(weightSum) * _perSample;
        double dLoss = backward ? arguments.Inputs[^1].Span[0] : 0;
        double total = 0;
        for (int n = 0; n < _batch; n++)
        {
            var p = arguments.Inputs[0].Slice(n * _perSample, _perSample); // [per-sample]
            var t = arguments.Inputs[1].Slice(n * _perSample, _perSample); // [per-sample]
            double weight = LossInputs.SampleWeight(arguments, hasSampleWeights, n);
            if (backward)
            {
                var dp = arguments.Outputs[0].Slice(n * _perSample, _perSample);
                double scale = dLoss * weight / normalizer;
                for (int j = 0; j < _perSample; j++) dp[j] = (float)(scale * TermGradient(p[j], t[j]));
            }
            else
            {
                double sum = 0;
                for (int j = 0; j < _perSample; j++) sum += Term(p[j], t[j]);
                total += weight * sum;
            }
        }
        if (!backward) arguments.Outputs[0].Span[0] = (float)(total / normalizer);
    }
}

/// <summary>l(z, t) = max(z, 0) - z t + log(1 + e^-|z|): log-sigmoid written so neither exp overflows.</summary>
internal sealed class SigmoidCrossEntropyKernel(Shape logits, bool backward, bool hasSampleWeights)
    : ElementwiseLossKernel(logits, backward, hasSampleWeights)
{
    protected override double Term(double z, double t) => Math.Max(z, 0) - z * t + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    protected override double TermGradient(double z, double t) =>
        (z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z))) - t;
}

/// <summary>l(p, t) = (p - t)^2.</summary>
internal sealed class MeanSquaredErrorKernel(Shape predictions, bool backward, bool hasSampleWeights)
    : ElementwiseLossKernel(predictions, backward, hasSampleWeights)
{
    protected override double Term(double p, double t) => (p - t) * (p - t);

    protected override double TermGradient(double p, double t) => 2 * (p - t);
}
