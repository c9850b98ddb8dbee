// Conv2D backward-data: per sample and group, columns = W_g^T dy_g, then col2im adds them onto dx_g.
// W^T is packed once per run; samples are split across worker slots; 1x1 stride-1 convs write W^T dy into dx.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>Inputs dy [N, K, OH, OW], w [K, C/g, KH, KW]; output dx [N, C, H, W].</summary>
internal sealed class Conv2DBackwardDataKernel : ManagedKernel, IParallelBody
{
    private readonly ConvolutionDimensions _d;
    private readonly GemmPath _path = Gemm.BestPath;
    private readonly int _slots, _packedWeights, _packedGradient, _slotLength;
    private KernelArguments? _arguments;

    public Conv2DBackwardDataKernel(Conv2DBackwardData op, Shape[] inputs, Shape[] outputs)
    {
        _d = new ConvolutionDimensions(op.Geometry, outputs[0], inputs[1]);
        _slots = WorkSlots.For(_d.Batch);
        if (_d.IsDepthwise) return;
        _packedWeights = Gemm.RoundUp(Gemm.PackedALength(_path, _d.ColumnRows, _d.FiltersPerGroup), 16);
        _packedGradient = Gemm.PackedBLength(_path, _d.FiltersPerGroup, _d.OutputPlane);
        _slotLength = Gemm.RoundUp(_d.ColumnLength + _packedGradient, 16);
    }

    // Packed W_g^T of every group, then one slice per slot: the column matrix and the packed dy_g.
    public override long WorkspaceLength => (long)_d.Groups * _packedWeights + (long)_slots * _slotLength;

    public override void Execute(KernelArguments arguments)
    {
        if (!_d.IsDepthwise)
        {
            ReadOnlySpan<float> w = arguments.Inputs[1].Span;
            for (int g = 0; g < _d.Groups; g++)
                Gemm.PackA(_path, true, w.Slice(g * _d.FiltersPerGroup * _d.ColumnRows), _d.ColumnRows,
                    _d.ColumnRows, _d.FiltersPerGroup, arguments.Workspace.Slice(g * _packedWeights, _packedWeights));
        }
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
            var workspace = args.Workspace.Slice(_d.Groups * _packedWeights + slot * _slotLength, _slotLength);
            for (int n = first; n < last; n++) BackwardSample(args, n, workspace);
        }
    }

    private void BackwardSample(KernelArguments args, int n, Span<float> workspace)
    {
        var d = _d;
        ReadOnlySpan<float> dy = args.Inputs[0].Slice(n * d.OutputSample, d.OutputSample);
        var dx = args.Outputs[0].Slice(n * d.InputSample, d.InputSample);
        if (d.IsDepthwise)
        {
            dx.Clear();
            DepthwiseConvolution.BackwardData(d, dy, args.Inputs[1].Span, dx);
            return;
        }
        if (!d.IsPointwise) dx.Clear();
        var columns = workspace[..d.ColumnLength];
        var packedGradient = workspace.Slice(d.ColumnLength, _packedGradient);
        int groupInput = d.ChannelsPerGroup * d.InputPlane;
        for (int g = 0; g < d.Groups; g++)
        {
            var dxGroup = dx.Slice(g * groupInput, groupInput);
            // W_g^T [ColumnRows, Kg] times dy_g [Kg, OH*OW] gives the columns [ColumnRows, OH*OW].
            Gemm.PackB(_path, false, dy.Slice(g * d.FiltersPerGroup * d.OutputPlane), d.OutputPlane, d.FiltersPerGroup, d.OutputPlane, packedGradient);
            Gemm.MultiplyPacked(_path, d.ColumnRows, d.OutputPlane, d.FiltersPerGroup, 1f,
                args.Workspace.Slice(g * _packedWeights, _packedWeights), packedGradient,
                0f, d.IsPointwise ? dxGroup : columns, d.OutputPlane);
            if (!d.IsPointwise) Im2Col.Accumulate(d, columns, dxGroup);
        }
    }
}
