// Conv2D backward-data: per sample and group, columns = W_g^T dy_g, then col2im adds them onto dx_g.
// Samples are split across worker slots; 1x1 stride-1 convs write W^T dy straight into dx.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>Inputs dy [N, K, OH, OW], w [K, C/g, KH, KW]; output dx [N, C, H, W].</summary>
internal sealed class Conv2DBackwardDataKernel : ManagedKernel, IParallelBody
{
    private readonly ConvolutionDimensions _d;
    private readonly int _slots, _gemmScratch, _slotLength;
    private KernelArguments? _arguments;

    public Conv2DBackwardDataKernel(Conv2DBackwardData op, Shape[] inputs, Shape[] outputs)
    {
        _d = new ConvolutionDimensions(op.Geometry, outputs[0], inputs[1]);
        _slots = WorkSlots.For(_d.Batch);
        _gemmScratch = _d.IsDepthwise ? 0 : Gemm.ScratchLength(_d.ColumnRows, _d.OutputPlane, _d.FiltersPerGroup);
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
            for (int n = first; n < last; n++) BackwardSample(args, n, workspace);
        }
    }

    private void BackwardSample(KernelArguments args, int n, Span<float> workspace)
    {
        var d = _d;
        ReadOnlySpan<float> dy = args.Inputs[0].Slice(n * d.OutputSample, d.OutputSample);
        ReadOnlySpan<float> w = args.Inputs[1].Span;
        var dx = args.Outputs[0].Slice(n * d.InputSample, d.InputSample);
        if (d.IsDepthwise)
        {
            dx.Clear();
            DepthwiseConvolution.BackwardData(d, dy, w, dx);
            return;
        }
        if (!d.IsPointwise) dx.Clear();
        var columns = workspace[..d.ColumnLength];
        var scratch = workspace.Slice(d.ColumnLength, _gemmScratch);
        int groupInput = d.ChannelsPerGroup * d.InputPlane;
        for (int g = 0; g < d.Groups; g++)
        {
            var dxGroup = dx.Slice(g * groupInput, groupInput);
            // W_g is [Kg, ColumnRows]; its transpose times dy_g [Kg, OH*OW] gives [ColumnRows, OH*OW].
            Gemm.Multiply(true, false, d.ColumnRows, d.OutputPlane, d.FiltersPerGroup, 1f,
                w.Slice(g * d.FiltersPerGroup * d.ColumnRows), d.ColumnRows,
                dy.Slice(g * d.FiltersPerGroup * d.OutputPlane), d.OutputPlane,
                0f, d.IsPointwise ? dxGroup : columns, d.OutputPlane, scratch);
            if (!d.IsPointwise) Im2Col.Accumulate(d, columns, dxGroup);
        }
    }
}
