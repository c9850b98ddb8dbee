// Conv2D backward-weights: each worker slot accumulates dW_g^T += im2col(x_g) dy_g^T (and db) over its samples
// in its own workspace slice; the slices are then summed in slot order, so results do not depend on timing.
// The transposed product keeps the filters (a tile-friendly width) as GEMM columns and lets im2col rows be
// packed as A rows; the final reduction transposes back to OIHW.
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
    private readonly int _slots, _weightLength, _sumsLength, _packedColumns, _packedGradient, _rowLength, _slotLength;
    private KernelArguments? _arguments;

    public Conv2DBackwardWeightsKernel(Conv2DBackwardWeights op, Shape[] inputs)
    {
        _d = new ConvolutionDimensions(op.Geometry, inputs[0], op.WeightShape);
        _hasBias = op.HasBias;
        _slots = WorkSlots.For(_d.Batch);
        _weightLength = op.WeightShape.ElementCount;
        _sumsLength = Gemm.RoundUp(_weightLength + _d.Filters, 16);
        if (!_d.IsDepthwise)
        {
            _packedColumns = Gemm.RoundUp(Gemm.PackedALength(_path, _d.ColumnRows, _d.OutputPlane), 16);
            _packedGradient = Gemm.RoundUp(Gemm.PackedBLength(_path, _d.OutputPlane, _d.FiltersPerGroup), 16);
            _rowLength = _d.OutputPlane;
        }
        _slotLength = _sumsLength + _packedColumns + _packedGradient + _rowLength;
    }

    public override long WorkspaceLength => (long)_slots * _slotLength;

    public override void Execute(KernelArguments arguments)
    {
        _arguments = arguments;
        arguments.Pool.For(_slots, this);
        _arguments = null;
        Reduce(arguments);
    }

    public void Run(int start, int end, int worker)
    {
        var args = _arguments!;
        for (int slot = start; slot < end; slot++)
        {
            var (first, last) = WorkSlots.Range(slot, _slots, _d.Batch);
            var workspace = args.Workspace.Slice(slot * _slotLength, _slotLength);
            workspace[.._sumsLength].Clear();
            // PackARow never writes the padding rows of the last panel: zero them once.
            workspace.Slice(_sumsLength, _packedColumns).Clear();
            for (int n = first; n < last; n++) AccumulateSample(args, n, workspace);
        }
    }

    private void AccumulateSample(KernelArguments args, int n, Span<float> workspace)
    {
        var d = _d;
        ReadOnlySpan<float> x = args.Inputs[0].Slice(n * d.InputSample, d.InputSample);
        ReadOnlySpan<float> dy = args.Inputs[1].Slice(n * d.OutputSample, d.OutputSample);
        var sums = workspace[.._weightLength];
        if (_hasBias)
        {
            var db = workspace.Slice(_weightLength, d.Filters);
            for (int k = 0; k < d.Filters; k++) db[k] += TensorPrimitives.Sum(dy.Slice(k * d.OutputPlane, d.OutputPlane));
        }
        if (d.IsDepthwise)
        {
            DepthwiseConvolution.BackwardWeights(d, x, dy, sums);
            return;
        }
        var packedColumns = workspace.Slice(_sumsLength, _packedColumns);
        var packedGradient = workspace.Slice(_sumsLength + _packedColumns, _packedGradient);
        var row = workspace.Slice(_sumsLength + _packedColumns + _packedGradient, _rowLength);
        int groupInput = d.ChannelsPerGroup * d.InputPlane, groupWeights = d.FiltersPerGroup * d.ColumnRows;
        for (int g = 0; g < d.Groups; g++)
        {
            var xGroup = x.Slice(g * groupInput, groupInput);
            if (d.IsPointwise)
                Gemm.PackA(_path, false, xGroup, d.InputPlane, d.ColumnRows, d.OutputPlane, packedColumns);
            else
                for (int c = 0, r = 0; c < d.ChannelsPerGroup; c++)
                    for (int i = 0; i < d.KernelHeight; i++)
                        for (int j = 0; j < d.KernelWidth; j++, r++)
                        {
                            Im2Col.ExpandRow(d, xGroup, c, i, j, row);
                            Gemm.PackARow(_path, row, r, d.ColumnRows, packedColumns);
                        }
            // columns [ColumnRows, OH*OW] times dy_g^T [OH*OW, Kg], accumulated into dW_g^T [ColumnRows, Kg].
            Gemm.PackB(_path, true, dy.Slice(g * d.FiltersPerGroup * d.OutputPlane), d.OutputPlane, d.OutputPlane, d.FiltersPerGroup, packedGradient);
            Gemm.MultiplyPacked(_path, d.ColumnRows, d.FiltersPerGroup, d.OutputPlane, 1f, packedColumns, packedGradient,
                1f, sums.Slice(g * groupWeights, groupWeights), d.FiltersPerGroup);
        }
    }

    // Sums the slots in slot order; GEMM partials are dW_g^T [ColumnRows, Kg] and are transposed back to OIHW.
    private void Reduce(KernelArguments arguments)
    {
        var d = _d;
        var dw = arguments.Outputs[0].Span;
        var workspace = arguments.Workspace.Span;
        if (d.IsDepthwise)
        {
            workspace[.._weightLength].CopyTo(dw);
            for (int slot = 1; slot < _slots; slot++) TensorPrimitives.Add(dw, workspace.Slice(slot * _slotLength, _weightLength), dw);
        }
        else
        {
            int rows = d.ColumnRows, filters = d.FiltersPerGroup;
            for (int g = 0; g < d.Groups; g++)
                for (int k = 0; k < filters; k++)
                    for (int r = 0; r < rows; r++)
                    {
                        int source = g * filters * rows + r * filters + k;
                        float sum = workspace[source];
                        for (int slot = 1; slot < _slots; slot++) sum += workspace[slot * _slotLength + source];
                        dw[(g * filters + k) * rows + r] = sum;
                    }
        }
        if (!_hasBias) return;
        var db = arguments.Outputs[1].Span;
        workspace.Slice(_weightLength, d.Filters).CopyTo(db);
        for (int slot = 1; slot < _slots; slot++) TensorPrimitives.Add(db, workspace.Slice(slot * _slotLength + _weightLength, d.Filters), db);
    }
}
