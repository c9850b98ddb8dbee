// Conv2D backward-weights: each worker slot accumulates dW_g (and db) over its samples, a chunk of samples per
// GEMM, in its own workspace slice; the slices are then summed in slot order, so results do not depend on timing.
// The product runs in whichever orientation wastes less of the GEMM tiles: dW_g^T = im2col(x_g) dy_g^T keeps the
// filters as columns (good for 32, 64 filters), dW_g = dy_g im2col(x_g)^T keeps them as rows (good for 6 or 16).
using System.Numerics.Tensors;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>Inputs x [N, C, H, W], dy [N, K, OH, OW]; outputs dw [K, C/g, KH, KW] and, with bias, db [K].</summary>
internal sealed class Conv2DBackwardWeightsKernel : ManagedKernel, IParallelBody
{
    private readonly ConvolutionDimensions _d;
    private readonly SampleChunks _chunks;
    private readonly bool _hasBias, _filtersAsColumns;
    private readonly GemmPath _path = Gemm.BestPath;
    private readonly int _weightLength, _sumsLength, _packedColumns, _packedGradient, _rowLength, _gatheredLength, _slotLength;
    private KernelArguments? _arguments;

    public Conv2DBackwardWeightsKernel(Conv2DBackwardWeights op, Shape[] inputs)
    {
        _d = new ConvolutionDimensions(op.Geometry, inputs[0], op.WeightShape);
        _chunks = new SampleChunks(_d, SampleChunks.ReductionColumns);
        _hasBias = op.HasBias;
        _weightLength = op.WeightShape.ElementCount;
        _sumsLength = Gemm.RoundUp(_weightLength + _d.Filters, 16);
        if (!_d.IsDepthwise)
        {
            int rows = _d.ColumnRows, filters = _d.FiltersPerGroup, columns = _chunks.Columns;
            _filtersAsColumns = TileUse(rows, filters) >= TileUse(filters, rows);
            _packedColumns = Gemm.RoundUp(_filtersAsColumns ? Gemm.PackedALength(_path, rows, columns) : Gemm.PackedBLength(_path, columns, rows), 16);
            _packedGradient = Gemm.RoundUp(_filtersAsColumns ? Gemm.PackedBLength(_path, columns, filters) : Gemm.PackedALength(_path, filters, columns), 16);
            _rowLength = Gemm.RoundUp(columns, 16);
            _gatheredLength = _chunks.SamplesPerChunk > 1 ? Gemm.RoundUp(filters * columns, 16) : 0;
        }
        _slotLength = _sumsLength + _packedColumns + _packedGradient + _rowLength + _gatheredLength;
    }

    public override long WorkspaceLength => (long)_chunks.Slots * _slotLength;

    public override void Execute(KernelArguments arguments)
    {
        _arguments = arguments;
        arguments.Pool.For(_chunks.Slots, this);
        _arguments = null;
        Reduce(arguments);
    }

    public void Run(int start, int end, int worker)
    {
        var args = _arguments!;
        for (int slot = start; slot < end; slot++)
        {
            var (first, last) = _chunks.SlotRange(slot);
            var workspace = args.Workspace.Slice(slot * _slotLength, _slotLength);
            workspace[.._sumsLength].Clear();
            for (int n = first; n < last; n += _chunks.SamplesPerChunk)
            {
                int count = Math.Min(_chunks.SamplesPerChunk, last - n);
                // Im2col rows are packed one at a time and never write the padding of the last panel: zero it
                // whenever the chunk length (which sets where that padding lies) may have changed.
                if (n == first || count < _chunks.SamplesPerChunk) workspace.Slice(_sumsLength, _packedColumns).Clear();
                AccumulateChunk(args, n, count, workspace);
            }
        }
    }

    // Share of the microkernel's tile multiply-adds that land inside an m x n product.
    private double TileUse(int m, int n)
    {
        var (mr, nr) = Gemm.TileOf(_path);
        return (double)m / Gemm.RoundUp(m, mr) * n / Gemm.RoundUp(n, nr);
    }

    private void AccumulateChunk(KernelArguments args, int first, int count, Span<float> workspace)
    {
        var d = _d;
        ReadOnlySpan<float> x = args.Inputs[0].Span, dy = args.Inputs[1].Span;
        var sums = workspace[.._weightLength];
        if (_hasBias)
        {
            var db = workspace.Slice(_weightLength, d.Filters);
            for (int n = first; n < first + count; n++)
                for (int k = 0; k < d.Filters; k++) db[k] += TensorPrimitives.Sum(dy.Slice(n * d.OutputSample + k * d.OutputPlane, d.OutputPlane));
        }
        if (d.IsDepthwise)
        {
            for (int n = first; n < first + count; n++)
                DepthwiseConvolution.BackwardWeights(d, x.Slice(n * d.InputSample, d.InputSample), dy.Slice(n * d.OutputSample, d.OutputSample), sums);
            return;
        }
        int rows = d.ColumnRows, filters = d.FiltersPerGroup, columns = count * d.OutputPlane, groupWeights = filters * rows;
        int offset = _sumsLength;
        var packedColumns = workspace.Slice(offset, _packedColumns);
        var packedGradient = workspace.Slice(offset += _packedColumns, _packedGradient);
        var row = workspace.Slice(offset += _packedGradient, columns);
        var gathered = workspace.Slice(offset + _rowLength, _gatheredLength);
        for (int g = 0; g < d.Groups; g++)
        {
            for (int r = 0; r < rows; r++)
            {
                SampleColumns.ExpandRow(d, x, first, count, g, r, row);
                // Row r of the column matrix is row r of A in dW_g^T = columns dy_g^T, column r of B in dW_g = dy_g columns^T.
                if (_filtersAsColumns) Gemm.PackARow(_path, row, r, rows, packedColumns);
                else Gemm.PackBColumn(_path, row, r, rows, packedColumns);
            }
            // dy_g [Kg, count*OH*OW]: one sample's planes already lie that way in dy.
            ReadOnlySpan<float> gradient = dy.Slice(first * d.OutputSample + g * filters * d.OutputPlane);
            if (count > 1)
            {
                SampleColumns.Gather(d, dy, first, count, g, gathered);
                gradient = gathered;
            }
            var groupSums = sums.Slice(g * groupWeights, groupWeights);
            if (_filtersAsColumns)
            {
                // columns [rows, count*OH*OW] times dy_g^T accumulates dW_g^T [rows, Kg].
                Gemm.PackB(_path, true, gradient, columns, columns, filters, packedGradient);
                Gemm.MultiplyPacked(_path, rows, filters, columns, 1f, packedColumns, packedGradient, 1f, groupSums, filters);
            }
            else
            {
                // dy_g [Kg, count*OH*OW] times columns^T accumulates dW_g [Kg, rows], already in OIHW order.
                Gemm.PackA(_path, false, gradient, columns, filters, columns, packedGradient);
                Gemm.MultiplyPacked(_path, filters, rows, columns, 1f, packedGradient, packedColumns, 1f, groupSums, rows);
            }
        }
    }

    // Sums the slots in slot order; dW_g^T partials [ColumnRows, Kg] are transposed back to OIHW.
    private void Reduce(KernelArguments arguments)
    {
        var d = _d;
        var dw = arguments.Outputs[0].Span;
        var workspace = arguments.Workspace.Span;
        int slots = _chunks.Slots;
        if (d.IsDepthwise || !_filtersAsColumns)
        {
            workspace[.._weightLength].CopyTo(dw);
            for (int slot = 1; slot < slots; slot++) TensorPrimitives.Add(dw, workspace.Slice(slot * _slotLength, _weightLength), dw);
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
                        for (int slot = 1; slot < slots; slot++) sum += workspace[slot * _slotLength + source];
                        dw[(g * filters + k) * rows + r] = sum;
                    }
        }
        if (!_hasBias) return;
        var db = arguments.Outputs[1].Span;
        workspace.Slice(_weightLength, d.Filters).CopyTo(db);
        for (int slot = 1; slot < slots; slot++) TensorPrimitives.Add(db, workspace.Slice(slot * _slotLength + _weightLength, d.Filters), db);
    }
}
