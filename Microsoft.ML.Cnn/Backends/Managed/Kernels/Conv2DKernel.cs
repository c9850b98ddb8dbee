// Conv2D forward: per sample and group, y_g = W_g x im2col(x_g) (+ bias), samples split across worker slots.
// 1x1 stride-1 convs multiply the input plane directly; depthwise convs take a direct loop.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>Inputs x [N, C, H, W], w [K, C/g, KH, KW], optional b [K]; output y [N, K, OH, OW].</summary>
internal sealed class Conv2DKernel : ManagedKernel, IParallelBody
{
    private readonly ConvolutionDimensions _d;
    private readonly bool _hasBias;
    private readonly int _slots, _gemmScratch, _slotLength;
    private KernelArguments? _arguments;

    public Conv2DKernel(Conv2D op, Shape[] inputs)
    {
        _d = new ConvolutionDimensions(op.Geometry, inputs[0], inputs[1]);
        _hasBias = op.HasBias;
        _slots = WorkSlots.For(_d.Batch);
        _gemmScratch = _d.IsDepthwise ? 0 : Gemm.ScratchLength(_d.FiltersPerGroup, _d.OutputPlane, _d.ColumnRows);
        _slotLength = Gemm.RoundUp(_d.ColumnLength + _gemmScratch, 16);
    }

    public override long WorkspaceLength => (long)_slots * _slotLength;

    public override void Execute(KernelArguments arguments)
    {
        _arguments = arguments;
        arguments.Pool.For(_slots, this);
        _arguments = null;
    }

    public void Run(int start, int end, int worker)
    {
        var args = _arguments!;
        for (int slot = start; slot < end; slot++)
        {
            var (first, last) = WorkSlots.Range(slot, _slots, _d.Batch);
            var workspace = args.Workspace.Slice(slot * _slotLength, _slotLength);
            for (int n = first; n < last; n++) ForwardSample(args, n, workspace);
        }
    }

    private void ForwardSample(KernelArguments args, int n, Span<float> workspace)
    {
        var d = _d;
        ReadOnlySpan<float> x = args.Inputs[0].Slice(n * d.InputSample, d.InputSample);
        ReadOnlySpan<float> w = args.Inputs[1].Span;
        var y = args.Outputs[0].Slice(n * d.OutputSample, d.OutputSample);
        if (_hasBias)
        {
            var bias = args.Inputs[2].Span;
            for (int k = 0; k < d.Filters; k++) y.Slice(k * d.OutputPlane, d.OutputPlane).Fill(bias[k]);
        }
        else if (d.IsDepthwise) y.Clear();

        if (d.IsDepthwise)
        {
            DepthwiseConvolution.Forward(d, x, w, y);
            return;
        }
        var columns = workspace[..d.ColumnLength];
        var scratch = workspace.Slice(d.ColumnLength, _gemmScratch);
        float beta = _hasBias ? 1f : 0f;
        for (int g = 0; g < d.Groups; g++)
        {
            var xGroup = x.Slice(g * d.ChannelsPerGroup * d.InputPlane, d.ChannelsPerGroup * d.InputPlane);
            ReadOnlySpan<float> b = xGroup;
            if (!d.IsPointwise)
            {
                Im2Col.Expand(d, xGroup, columns);
                b = columns;
            }
            Gemm.Multiply(false, false, d.FiltersPerGroup, d.OutputPlane, d.ColumnRows, 1f,
                w.Slice(g * d.FiltersPerGroup * d.ColumnRows), d.ColumnRows, b, d.OutputPlane,
                beta, y.Slice(g * d.FiltersPerGroup * d.OutputPlane), d.OutputPlane, scratch);
        }
    }
}
