// Conv2D forward: per sample and group, y_g = W_g x im2col(x_g) (+ bias), samples split across worker slots.
// Weights are packed once per run; im2col rows go straight into packed GEMM panels. Depthwise convs take a direct loop.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>Inputs x [N, C, H, W], w [K, C/g, KH, KW], optional b [K]; output y [N, K, OH, OW].</summary>
internal sealed class Conv2DKernel : ManagedKernel, IParallelBody
{
    private readonly ConvolutionDimensions _d;
    private readonly bool _hasBias;
    private readonly GemmPath _path = Gemm.BestPath;
    private readonly int _slots, _packedWeights, _packedColumns, _rowLength, _slotLength;
    private KernelArguments? _arguments;

    public Conv2DKernel(Conv2D op, Shape[] inputs)
    {
        _d = new ConvolutionDimensions(op.Geometry, inputs[0], inputs[1]);
        _hasBias = op.HasBias;
        _slots = WorkSlots.For(_d.Batch);
        if (_d.IsDepthwise) return;
        _packedWeights = Gemm.RoundUp(Gemm.PackedALength(_path, _d.FiltersPerGroup, _d.ColumnRows), 16);
        _packedColumns = Gemm.PackedBLength(_path, _d.ColumnRows, _d.OutputPlane);
        _rowLength = _d.IsPointwise ? 0 : _d.OutputPlane;
        _slotLength = Gemm.RoundUp(_packedColumns + _rowLength, 16);
    }

    // Packed weights of every group, then one slice per slot: packed columns and an im2col row.
    public override long WorkspaceLength => (long)_d.Groups * _packedWeights + (long)_slots * _slotLength;

    public override void Execute(KernelArguments arguments)
    {
        if (!_d.IsDepthwise)
        {
            ReadOnlySpan<float> w = arguments.Inputs[1].Span;
            for (int g = 0; g < _d.Groups; g++)
                Gemm.PackA(_path, false, w.Slice(g * _d.FiltersPerGroup * _d.ColumnRows), _d.ColumnRows,
                    _d.FiltersPerGroup, _d.ColumnRows, arguments.Workspace.Slice(g * _packedWeights, _packedWeights));
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
            for (int n = first; n < last; n++) ForwardSample(args, n, workspace);
        }
    }

    private void ForwardSample(KernelArguments args, int n, Span<float> workspace)
    {
        var d = _d;
        ReadOnlySpan<float> x = args.Inputs[0].Slice(n * d.InputSample, d.InputSample);
        var y = args.Outputs[0].Slice(n * d.OutputSample, d.OutputSample);
        if (_hasBias)
        {
            var bias = args.Inputs[2].Span;
            for (int k = 0; k < d.Filters; k++) y.Slice(k * d.OutputPlane, d.OutputPlane).Fill(bias[k]);
        }
        else if (d.IsDepthwise) y.Clear();

        if (d.IsDepthwise)
        {
            DepthwiseConvolution.Forward(d, x, args.Inputs[1].Span, y);
            return;
        }
        var packedColumns = workspace[.._packedColumns];
        var row = workspace.Slice(_packedColumns, _rowLength);
        int groupInput = d.ChannelsPerGroup * d.InputPlane;
        for (int g = 0; g < d.Groups; g++)
        {
            var xGroup = x.Slice(g * groupInput, groupInput);
            if (d.IsPointwise)
                Gemm.PackB(_path, false, xGroup, d.OutputPlane, d.ColumnRows, d.OutputPlane, packedColumns);
            else
                PackColumns(xGroup, row, packedColumns);
            Gemm.MultiplyPacked(_path, d.FiltersPerGroup, d.OutputPlane, d.ColumnRows, 1f,
                args.Workspace.Slice(g * _packedWeights, _packedWeights), packedColumns,
                _hasBias ? 1f : 0f, y.Slice(g * d.FiltersPerGroup * d.OutputPlane), d.OutputPlane);
        }
    }

    private void PackColumns(ReadOnlySpan<float> xGroup, Span<float> row, Span<float> packedColumns)
    {
        var d = _d;
        for (int c = 0, r = 0; c < d.ChannelsPerGroup; c++)
            for (int i = 0; i < d.KernelHeight; i++)
                for (int j = 0; j < d.KernelWidth; j++, r++)
                {
                    Im2Col.ExpandRow(d, xGroup, c, i, j, row);
                    Gemm.PackBRow(_path, row, r, d.ColumnRows, packedColumns);
                }
    }
}
