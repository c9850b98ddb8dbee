// L2 pooling over [N, C, H, W], forward and backward, one (n, c) plane per item. Padded positions are zeros, so
// they add nothing to a window's sum of squares: clipping the window to the input is enough.
namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>y[n,c,oh,ow] = sqrt(sum over the window of x^2).</summary>
internal sealed class L2Pool2DKernel(PoolingPlane plane) : ParallelKernel
{
    protected override int ItemCount => plane.Planes;

    protected override void RunItem(int item)
    {
        var x = Arguments.Inputs[0].Slice(item * plane.InputLength, plane.InputLength);     // [H, W]
        var y = Arguments.Outputs[0].Slice(item * plane.OutputLength, plane.OutputLength);  // [OH, OW]
        for (int oh = 0; oh < plane.OutputHeight; oh++)
        {
            for (int ow = 0; ow < plane.OutputWidth; ow++)
            {
                var (h0, h1, w0, w1) = plane.Window(oh, ow);
                float squares = 0f;
                for (int h = h0; h < h1; h++)
                    for (int w = w0; w < w1; w++)
                        squares += x[h * plane.Width + w] * x[h * plane.Width + w];
                y[oh * plane.OutputWidth + ow] = MathF.Sqrt(squares);
            }
        }
    }
}

/// <summary>
/// dx = 0, then x * dy / y added over each window; a window with y = 0 (all zeros) adds nothing, the op's
/// documented subgradient. Inputs: x, y, dy.
/// </summary>
internal sealed class L2Pool2DBackwardKernel(PoolingPlane plane) : ParallelKernel
{
    protected override int ItemCount => plane.Planes;

    protected override void RunItem(int item)
    {
        var x = Arguments.Inputs[0].Slice(item * plane.InputLength, plane.InputLength);     // [H, W]
        var y = Arguments.Inputs[1].Slice(item * plane.OutputLength, plane.OutputLength);   // [OH, OW]
        var dy = Arguments.Inputs[2].Slice(item * plane.OutputLength, plane.OutputLength);  // [OH, OW]
        var dx = Arguments.Outputs[0].Slice(item * plane.InputLength, plane.InputLength);   // [H, W]
        dx.Clear();
        for (int oh = 0; oh < plane.OutputHeight; oh++)
        {
            for (int ow = 0; ow < plane.OutputWidth; ow++)
            {
                int o = oh * plane.OutputWidth + ow;
                if (y[o] == 0f) continue;
                float share = dy[o] / y[o];
                var (h0, h1, w0, w1) = plane.Window(oh, ow);
                for (int h = h0; h < h1; h++)
                    for (int w = w0; w < w1; w++)
                        dx[h * plane.Width + w] += x[h * plane.Width + w] * share;
            }
        }
    }
}
