// Batch normalization over axis 1 of [N, C, H, W] or [N, F], one channel per item. Statistics accumulate in double.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>Viewing x as [N, C, S] (S = H*W for images, 1 for features): channel c is N strided runs of S values.</summary>
internal readonly struct ChannelLayout(Shape x)
{
    public int Batch { get; } = x[0];
    public int Channels { get; } = x[1];
    public int Spatial { get; } = x.Rank == 4 ? x[2] * x[3] : 1;

    /// <summary>Values per channel: the M of the batch statistics.</summary>
    public int Count => Batch * Spatial;

    /// <summary>Start of channel <paramref name="c"/>'s run in sample <paramref name="n"/>.</summary>
    public int Start(int n, int c) => (n * Channels + c) * Spatial;
}

/// <summary>
/// Inputs: x, gamma, beta. Outputs: y, mean [C], biased variance [C] (divided by M, as oneDNN and PyTorch's
/// normalization use; the layer applies any unbiasing to its running variance).
/// </summary>
internal sealed class BatchNormTrainingKernel(Shape x, float epsilon) : ParallelKernel
{
    private readonly ChannelLayout _layout = new(x);

    protected override int ItemCount => _layout.Channels;

    protected override void RunItem(int c)
    {
        ReadOnlySpan<float> input = Arguments.Inputs[0].Span; // [N, C, S]
        Span<float> y = Arguments.Outputs[0].Span;            // [N, C, S]
        int n0 = _layout.Batch, s0 = _layout.Spatial;

        double sum = 0;
        for (int n = 0; n < n0; n++)
            for (int s = 0, i = _layout.Start(n, c); s < s0; s++, i++) sum += input[i];
        double mean = sum / _layout.Count;
        double squares = 0;
        for (int n = 0; n < n0; n++)
            for (int s = 0, i = _layout.Start(n, c); s < s0; s++, i++) squares += (input[i] - mean) * (input[i] - mean);
        double variance = squares / _layout.Count;

        float scale = (float)(Arguments.Inputs[1].Span[c] / Math.Sqrt(variance + epsilon));
        float shift = (float)(Arguments.Inputs[2].Span[c] - mean * scale);
        for (int n = 0; n < n0; n++)
            for (int s = 0, i = _layout.Start(n, c); s < s0; s++, i++) y[i] = input[i] * scale + shift;
        Arguments.Outputs[1].Span[c] = (float)mean;
        Arguments.Outputs[2].Span[c] = (float)variance;
    }
}

/// <summary>
/// Inputs: x, gamma, mean, variance, dy. Outputs: dx, dgamma, dbeta. With xhat = (x - mean)/sqrt(var + eps):
/// dbeta = sum dy, dgamma = sum dy xhat, dx = gamma/sqrt(var + eps) (dy - dbeta/M - xhat dgamma/M).
/// </summary>
internal sealed class BatchNormBackwardKernel(Shape x, float epsilon) : ParallelKernel
{
    private readonly ChannelLayout _layout = new(x);

    protected override int ItemCount => _layout.Channels;

    protected override void RunItem(int c)
    {
        ReadOnlySpan<float> input = Arguments.Inputs[0].Span; // [N, C, S]
        ReadOnlySpan<float> dy = Arguments.Inputs[4].Span;    // [N, C, S]
        Span<float> dx = Arguments.Outputs[0].Span;           // [N, C, S]
        int n0 = _layout.Batch, s0 = _layout.Spatial;
        double mean = Arguments.Inputs[2].Span[c];
        double inverseStd = 1.0 / Math.Sqrt(Arguments.Inputs[3].Span[c] + epsilon);

        double dbeta = 0, dgamma = 0;
        for (int n = 0; n < n0; n++)
        {
            for (int s = 0, i = _layout.Start(n, c); s < s0; s++, i++)
            {
                dbeta += dy[i];
                dgamma += dy[i] * (input[i] - mean) * inverseStd;
            }
        }

        double gammaOverStd = Arguments.Inputs[1].Span[c] * inverseStd;
        double meanDy = dbeta / _layout.Count, meanDyXhat = dgamma / _layout.Count;
        for (int n = 0; n < n0; n++)
        {
            for (int s = 0, i = _layout.Start(n, c); s < s0; s++, i++)
            {
                double xhat = (input[i] - mean) * inverseStd;
                dx[i] = (float)(gammaOverStd * (dy[i] - meanDy - xhat * meanDyXhat));
            }
        }
        Arguments.Outputs[1].Span[c] = (float)dgamma;
        Arguments.Outputs[2].Span[c] = (float)dbeta;
    }
}

/// <summary>y = gamma (x - runningMean)/sqrt(runningVar + eps) + beta. Inputs: x, gamma, beta, running mean, running variance.</summary>
internal sealed class BatchNormInferenceKernel(Shape x, float epsilon) : ParallelKernel
{
    private readonly ChannelLayout _layout = new(x);

    protected override int ItemCount => _layout.Channels;

    protected override void RunItem(int c)
    {
        var inputs = Arguments.Inputs;
        float scale = (float)(inputs[1].Span[c] / Math.Sqrt(inputs[4].Span[c] + epsilon));
        float shift = inputs[2].Span[c] - inputs[3].Span[c] * scale;
        for (int n = 0; n < _layout.Batch; n++)
        {
            int start = _layout.Start(n, c);
            var xRun = inputs[0].Slice(start, _layout.Spatial);
            var yRun = Arguments.Outputs[0].Slice(start, _layout.Spatial);
            for (int s = 0; s < xRun.Length; s++) yRun[s] = xRun[s] * scale + shift;
        }
    }
}

/// <summary>dx = dy gamma / sqrt(runningVar + eps). Inputs: gamma, running variance, dy.</summary>
internal sealed class BatchNormInferenceBackwardKernel(Shape dy, float epsilon) : ParallelKernel
{
    private readonly ChannelLayout _layout = new(dy);

    protected override int ItemCount => _layout.Channels;

    protected override void RunItem(int c)
    {
        var inputs = Arguments.Inputs;
        float scale = (float)(inputs[0].Span[c] / Math.Sqrt(inputs[1].Span[c] + epsilon));
        for (int n = 0; n < _layout.Batch; n++)
        {
            int start = _layout.Start(n, c);
            var dyRun = inputs[2].Slice(start, _layout.Spatial);
            var dxRun = Arguments.Outputs[0].Slice(start, _layout.Spatial);
            for (int s = 0; s < dyRun.Length; s++) dxRun[s] = dyRun[s] * scale;
        }
    }
}
