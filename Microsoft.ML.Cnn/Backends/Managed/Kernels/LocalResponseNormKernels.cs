// Local response normalization across channels of [N, C, H, W], forward and backward, one (n, c) plane per item.
// Channel windows are sums over planes: accumulating whole planes keeps the inner loops contiguous.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>The planes of [N, C, H, W] and the channel windows of a <see cref="Ops.LocalResponseNorm"/>.</summary>
internal readonly struct ChannelWindows(LocalResponseNorm op, Shape x)
{
    public int Channels { get; } = x[1];
    public int PlaneLength { get; } = x[2] * x[3];
    public int Planes { get; } = x[0] * x[1];
    public float AlphaOverSize { get; } = op.Alpha / op.Size;

    /// <summary>Channels [first, last] of window(c), clipped to the existing channels.</summary>
    public (int First, int Last) Window(int c) => (Math.Max(op.WindowStart(c), 0), Math.Min(op.WindowEnd(c), Channels - 1));

    /// <summary>The channels c whose window holds channel j: window(j) mirrored, clipped.</summary>
    public (int First, int Last) Holders(int j) => (Math.Max(j - (op.Size - 1) / 2, 0), Math.Min(j + op.Size / 2, Channels - 1));

    /// <summary>plane[p] = sum over window(c) of x^2 at p, for the plane <paramref name="item"/> = n*C + c.</summary>
    public void SumOfSquares(ReadOnlySpan<float> x, int item, Span<float> plane)
    {
        int n = item / Channels, c = item % Channels;
        var (first, last) = Window(c);
        plane.Clear();
        for (int k = first; k <= last; k++)
        {
            var source = x.Slice((n * Channels + k) * PlaneLength, PlaneLength);
            for (int p = 0; p < plane.Length; p++) plane[p] += source[p] * source[p];
        }
    }
}

/// <summary>y = x (K + Alpha/Size * window sum of x^2)^-Beta. The output plane holds the window sum first.</summary>
internal sealed class LocalResponseNormKernel(LocalResponseNorm op, Shape x) : ParallelKernel
{
    private readonly ChannelWindows _windows = new(op, x);

    protected override int ItemCount => _windows.Planes;

    protected override void RunItem(int item)
    {
        int length = _windows.PlaneLength;
        var input = Arguments.Inputs[0].Span;                  // [N, C, H, W]
        var y = Arguments.Outputs[0].Slice(item * length, length); // [H, W]
        _windows.SumOfSquares(input, item, y);
        var xPlane = input.Slice(item * length, length);
        for (int p = 0; p < length; p++) y[p] = xPlane[p] * MathF.Pow(op.K + _windows.AlphaOverSize * y[p], -op.Beta);
    }
}

/// <summary>
/// Two passes over the planes. First r[c] = dy[c] y[c] / s[c] into the workspace (s = K + Alpha/Size * window sum);
/// then dx[j] = dy[j] s[j]^-Beta - (2 Alpha Beta / Size) x[j] * sum of r over the channels whose window holds j.
/// Inputs: x, y, dy. Workspace: one value per element of x.
/// </summary>
internal sealed class LocalResponseNormBackwardKernel(LocalResponseNorm op, Shape x) : ManagedKernel, IParallelBody
{
    private readonly ChannelWindows _windows = new(op, x);
    private KernelArguments? _arguments;
    private bool _secondPass;

    public override long WorkspaceLength => (long)_windows.Planes * _windows.PlaneLength;

    public override void Execute(KernelArguments arguments)
    {
        _arguments = arguments;
        try
        {
            _secondPass = false;
            arguments.Pool.For(_windows.Planes, this);
            _secondPass = true;
            arguments.Pool.For(_windows.Planes, this);
        }
        finally
        {
            _arguments = null;
        }
    }

    public void Run(int start, int end, int worker)
    {
        var a = _arguments!;
        for (int item = start; item < end; item++)
        {
            if (_secondPass) InputGradient(a, item);
            else Ratio(a, item);
        }
    }

    private void Ratio(KernelArguments a, int item)
    {
        int length = _windows.PlaneLength;
        var r = a.Workspace.Slice(item * length, length);
        _windows.SumOfSquares(a.Inputs[0].Span, item, r);
        var y = a.Inputs[1].Slice(item * length, length);
        var dy = a.Inputs[2].Slice(item * length, length);
        for (int p = 0; p < length; p++) r[p] = dy[p] * y[p] / (op.K + _windows.AlphaOverSize * r[p]);
    }

    private void InputGradient(KernelArguments a, int item)
    {
        int length = _windows.PlaneLength, channels = _windows.Channels;
        int n = item / channels, j = item % channels;
        var dx = a.Outputs[0].Slice(item * length, length);
        dx.Clear();
        var (first, last) = _windows.Holders(j);
        for (int c = first; c <= last; c++)
        {
            var r = a.Workspace.Slice((n * channels + c) * length, length);
            for (int p = 0; p < length; p++) dx[p] += r[p];
        }
        // NOTE: dx's plane now holds the sum of r, and the window sum of squares goes in per position (a few strided
        // reads), because a second accumulator plane would need a second workspace.
        ReadOnlySpan<float> input = a.Inputs[0].Span;
        var xPlane = input.Slice(item * length, length);
        var dy = a.Inputs[2].Slice(item * length, length);
        var (wFirst, wLast) = _windows.Window(j);
        float coefficient = 2f * op.Alpha * op.Beta / op.Size;
        for (int p = 0; p < length; p++)
        {
            float squares = 0f;
            for (int k = wFirst; k <= wLast; k++)
            {
                float v = input[(n * channels + k) * length + p];
                squares += v * v;
            }
            float s = op.K + _windows.AlphaOverSize * squares;
            dx[p] = dy[p] * MathF.Pow(s, -op.Beta) - coefficient * xPlane[p] * dx[p];
        }
    }
}
