// Conv2D backward-weights: each worker slot accumulates dW_g += dy_g im2col(x_g)^T (and db) over its samples
// in its own workspace slice; the slices are then summed in slot order, so results do not depend on timing.
// im2col rows go straight into the packed panels of the transposed column matrix.
using System.Numerics.Tensors;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>Inputs x [N, C, H, W], dy [N, K, OH, OW]; outputs dw [K, C/g, KH, KW] and, with bias, db [K].</summary>
internal sealed class Conv2DBackwardWeightsKernel : ManagedKernel, IParallelBody
{
    private readonly ConvolutionDimensions _d;
    private readonly bool _hasBias;
    private readonly GemmPath _path = Gemm.BestPath;
    private readonly int _slots, _weightLength, _packedGradient, _packedColumns, _rowLength, _slotLength;
    private KernelArguments? _arguments;

    public Conv2DBackwardWeightsKernel(Conv2DBackwardWeights op, Shape[] inputs)
    {
        _d = new ConvolutionDimensions(op.Geometry, inputs[0], op.WeightShape);
        _hasBias = op.HasBias;
        _slots = WorkSlots.For(_d.Batch);
        _weightLength = op.WeightShape.ElementCount;
        if (!_d.IsDepthwise)
        {
            _packedGradient = Gemm.RoundUp(Gemm.PackedALength(_path, _d.FiltersPerGroup, _d.OutputPlane), 16);
            _packedColumns = Gemm.RoundUp(Gemm.PackedBLength(_path, _d.OutputPlane, _d.ColumnRows), 16);
            _rowLength = _d.OutputPlane;
        }
        _slotLength = Gemm.RoundUp(_weightLength + _d.Filters, 16) + _packedGradient + _packedColumns + _rowLength;
    }

    public override long WorkspaceLength => (long)_slots * _slotLength;

    public override void Execute(KernelArguments arguments)
    {
        _arguments = arguments;
        arguments.Pool.For(_slots, this);
        _arguments = null;

        // Deterministic reduction: slot 0, then slot 1, ...
        var dw = arguments.Outputs[0].Span;
        arguments.Workspace.Slice(0, _weightLength).CopyTo(dw);
        for (int slot = 1; slot < _slots; slot++)
            TensorPrimitives.Add(dw, arguments.Workspace.Slice(slot * _slotLength, _weightLength), dw);
        if (!_hasBias) return;
        var db = arguments.Outputs[1].Span;
        arguments.Workspace.Slice(_weightLength, _d.Filters).CopyTo(db);
        for (int slot = 1; slot < _slots; slot++)
            TensorPrimitives.Add(db, arguments.Workspace.Slice(slot * _slotLength + _weightLength, _d.Filters), db);
    }

    public void Run(int start, int end, int worker)
    {
        var args = _arguments!;
        for (int slot = start; slot < end; slot++)
        {
            var (first, last) = WorkSlots.Range(slot, _slots, _d.Batch);
            var workspace = args.Workspace.Slice(slot * _slotLength, _slotLength);
            workspace[..(_weightLength + _d.Filters)].Clear();
            // The padding columns of the last panel are never written by PackBColumn: zero them once.
            workspace.Slice(Gemm.RoundUp(_weightLength + _d.Filters, 16) + _packedGradient, _packedColumns).Clear();
            for (int n = first; n < last; n++) AccumulateSample(args, n, workspace);
        }
    }

    private void AccumulateSample(KernelArguments args, int n, Span<float> workspace)
    {
        var d = _d;
        ReadOnlySpan<float> x = args.Inputs[0].Slice(n * d.InputSample, d.InputSample);
        ReadOnlySpan<float> dy = args.Inputs[1].Slice(n * d.OutputSample, d.OutputSample);
        var dw = workspace[.._weightLength];
        if (_hasBias)
        {
            var db = workspace.Slice(_weightLength, d.Filters);
            for (int k = 0; k < d.Filters; k++) db[k] += TensorPrimitives.Sum(dy.Slice(k * d.OutputPlane, d.OutputPlane));
        }
        if (d.IsDepthwise)
        {
            DepthwiseConvolution.BackwardWeights(d, x, dy, dw);
            return;
        }
        int offset = Gemm.RoundUp(_weightLength + d.Filters, 16);
        var packedGradient = workspace.Slice(offset, _packedGradient);
        var packedColumns = workspace.Slice(offset + _packedGradient, _packedColumns);
        var row = workspace.Slice(offset + _packedGradient + _packedColumns, _rowLength);
        int groupInput = d.ChannelsPerGroup * d.InputPlane;
        for (int g = 0; g < d.Groups; g++)
        {
            var xGroup = x.Slice(g * groupInput, groupInput);
            if (d.IsPointwise)
                Gemm.PackB(_path, true, xGroup, d.OutputPlane, d.OutputPlane, d.ColumnRows, packedColumns);
            else
                for (int c = 0, r = 0; c < d.ChannelsPerGroup; c++)
                    for (int i = 0; i < d.KernelHeight; i++)
                        for (int j = 0; j < d.KernelWidth; j++, r++)
                        {
                            Im2Col.ExpandRow(d, xGroup, c, i, j, row);
                            Gemm.PackBColumn(_path, row, r, d.ColumnRows, packedColumns);
                        }
            // dy_g [Kg, OH*OW] times columns^T [OH*OW, ColumnRows], accumulated into dW_g [Kg, ColumnRows].
            Gemm.PackA(_path, false, dy.Slice(g * d.FiltersPerGroup * d.OutputPlane), d.OutputPlane, d.FiltersPerGroup, d.OutputPlane, packedGradient);
            Gemm.MultiplyPacked(_path, d.FiltersPerGroup, d.ColumnRows, d.OutputPlane, 1f, packedGradient, packedColumns,
                1f, dw.Slice(g * d.FiltersPerGroup * d.ColumnRows), d.ColumnRows);
        }
    }
}
