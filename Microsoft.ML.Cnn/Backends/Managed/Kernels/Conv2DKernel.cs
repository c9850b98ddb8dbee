// Conv2D forward: per chunk of samples and group, y_g = W_g x im2col(x_g) (+ bias), chunks split across worker
// slots. Weights are packed once per run; im2col rows go straight into packed GEMM panels; a chunk of several
// samples computes into a scratch matrix that is then scattered to NCHW. With fewer samples than workers (batch-1
// inference) each sample's GEMM is split by filter rows instead. Depthwise convs take a direct loop.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>Inputs x [N, C, H, W], w [K, C/g, KH, KW], optional b [K]; output y [N, K, OH, OW].</summary>
internal sealed class Conv2DKernel : ManagedKernel, IParallelBody
{
    /// <summary>Smallest per-sample GEMM (multiply-adds) shared among workers when the batch is too small to share.</summary>
    internal const long MinSplitMultiplyAdds = 1 << 20;

    private readonly ConvolutionDimensions _d;
    private readonly SampleChunks _chunks;
    private readonly bool _hasBias;
    private readonly GemmPath _path = Gemm.BestPath;
    private readonly int _packedWeights, _packedColumns, _rowLength, _productLength, _slotLength, _rowParts;
    private readonly FilterRowSplit _rowSplit;
    private KernelArguments? _arguments;

    public Conv2DKernel(Conv2D op, Shape[] inputs)
    {
        _d = new ConvolutionDimensions(op.Geometry, inputs[0], inputs[1]);
        _chunks = new SampleChunks(_d, SampleChunks.ProductColumns);
        _hasBias = op.HasBias;
        _rowSplit = new FilterRowSplit(this);
        if (_d.IsDepthwise) return;
        // Whole tiles of filter rows per worker, only when the batch leaves workers idle and the product is large
        // enough to pay for waking them (LeNet's batch-1 convs measured slower split, the seed CNN's 64x121x288 faster).
        long multiplyAdds = (long)_d.FiltersPerGroup * _d.OutputPlane * _d.ColumnRows;
        _rowParts = _chunks.Slots < WorkSlots.Max && multiplyAdds >= MinSplitMultiplyAdds
            ? Math.Min(WorkSlots.Max, (_d.FiltersPerGroup + Gemm.TileOf(_path).Rows - 1) / Gemm.TileOf(_path).Rows) : 1;
        int columns = _chunks.Columns;
        _packedWeights = Gemm.RoundUp(Gemm.PackedALength(_path, _d.FiltersPerGroup, _d.ColumnRows), 16);
        _packedColumns = Gemm.RoundUp(Gemm.PackedBLength(_path, _d.ColumnRows, columns), 16);
        _rowLength = Gemm.RoundUp(columns, 16);
        _productLength = _chunks.SamplesPerChunk > 1 ? _d.FiltersPerGroup * columns : 0;
        _slotLength = Gemm.RoundUp(_packedColumns + _rowLength + _productLength, 16);
    }

    // Packed weights of every group, then one slice per slot: packed columns, an im2col row and the chunk's product.
    public override long WorkspaceLength => (long)_d.Groups * _packedWeights + (long)_chunks.Slots * _slotLength;

    public override void Execute(KernelArguments arguments)
    {
        if (!_d.IsDepthwise) _d.PackGroupWeights(_path, transposed: false, arguments.Inputs[1].Span, arguments.Workspace.Span, _packedWeights);
        if (_rowParts > 1)
        {
            SplitByFilterRows(arguments);
            return;
        }
        _arguments = arguments;
        arguments.Pool.For(_chunks.Slots, this);
        _arguments = null;
    }

    public void Run(int start, int end, int worker)
    {
        var args = _arguments!;
        for (int slot = start; slot < end; slot++)
        {
            var (first, last) = _chunks.SlotRange(slot);
            var workspace = args.Workspace.Slice(_d.Groups * _packedWeights + slot * _slotLength, _slotLength);
            for (int n = first; n < last; n += _chunks.SamplesPerChunk)
            {
                int count = Math.Min(_chunks.SamplesPerChunk, last - n);
                if (_d.IsDepthwise) DepthwiseSample(args, n);
                else ForwardChunk(args, n, count, workspace);
            }
        }
    }

    private void DepthwiseSample(KernelArguments args, int n)
    {
        var d = _d;
        var y = args.Outputs[0].Slice(n * d.OutputSample, d.OutputSample);
        if (_hasBias) FillBias(args.Inputs[2].Span, y);
        else y.Clear();
        DepthwiseConvolution.Forward(d, args.Inputs[0].Slice(n * d.InputSample, d.InputSample), args.Inputs[1].Span, y);
    }

    private void ForwardChunk(KernelArguments args, int first, int count, Span<float> workspace)
    {
        var d = _d;
        int columns = count * d.OutputPlane;
        ReadOnlySpan<float> x = args.Inputs[0].Span;
        var y = args.Outputs[0].Span;
        ReadOnlySpan<float> bias = _hasBias ? args.Inputs[2].Span : default;
        var packedColumns = workspace[.._packedColumns];
        var row = workspace.Slice(_packedColumns, columns);
        var product = workspace.Slice(_packedColumns + _rowLength, _productLength);
        // One sample computes straight into y, pre-filled with the bias; several go through the product matrix.
        var ySample = y.Slice(first * d.OutputSample, d.OutputSample);
        if (count == 1 && _hasBias) FillBias(bias, ySample);
        for (int g = 0; g < d.Groups; g++)
        {
            PackColumns(x, first, count, g, row, packedColumns);
            var weights = args.Workspace.Slice(g * _packedWeights, _packedWeights);
            if (count == 1)
            {
                Gemm.MultiplyPacked(_path, d.FiltersPerGroup, d.OutputPlane, d.ColumnRows, 1f, weights, packedColumns,
                    _hasBias ? 1f : 0f, ySample.Slice(g * d.FiltersPerGroup * d.OutputPlane), d.OutputPlane);
                continue;
            }
            // NOTE: the product starts from the bias, as y does for one sample, so every sample's sums round the same
            // way whatever chunk it falls in: predictions do not depend on the batch size.
            if (_hasBias)
                for (int k = 0; k < d.FiltersPerGroup; k++) product.Slice(k * columns, columns).Fill(bias[g * d.FiltersPerGroup + k]);
            Gemm.MultiplyPacked(_path, d.FiltersPerGroup, columns, d.ColumnRows, 1f, weights, packedColumns, _hasBias ? 1f : 0f, product, columns);
            SampleColumns.Scatter(d, product, first, count, g, y);
        }
    }

    private void PackColumns(ReadOnlySpan<float> x, int first, int count, int g, Span<float> row, Span<float> packedColumns)
    {
        var d = _d;
        int groupInput = d.ChannelsPerGroup * d.InputPlane;
        if (d.IsPointwise && count == 1)
            Gemm.PackB(_path, false, x.Slice(first * d.InputSample + g * groupInput, groupInput), d.OutputPlane, d.ColumnRows, d.OutputPlane, packedColumns);
        else
            for (int r = 0; r < d.ColumnRows; r++)
            {
                SampleColumns.ExpandRow(d, x, first, count, g, r, row);
                Gemm.PackBRow(_path, row, r, d.ColumnRows, packedColumns);
            }
    }

    // One sample at a time: the calling thread packs its columns into slot 0's workspace, then the workers share
    // the product by filter rows, writing straight into y (pre-filled with the bias, as on the single-sample path).
    private void SplitByFilterRows(KernelArguments args)
    {
        var d = _d;
        var workspace = args.Workspace.Slice(d.Groups * _packedWeights, _slotLength);
        _rowSplit.Arguments = args;
        for (int n = 0; n < d.Batch; n++)
        {
            if (_hasBias) FillBias(args.Inputs[2].Span, args.Outputs[0].Slice(n * d.OutputSample, d.OutputSample));
            for (int g = 0; g < d.Groups; g++)
            {
                PackColumns(args.Inputs[0].Span, n, 1, g, workspace.Slice(_packedColumns, d.OutputPlane), workspace[.._packedColumns]);
                (_rowSplit.Sample, _rowSplit.Group) = (n, g);
                args.Pool.For(_rowParts, _rowSplit);
            }
        }
        _rowSplit.Arguments = null;
    }

    private void MultiplyFilterRows(KernelArguments args, int n, int g, int part)
    {
        var d = _d;
        int mr = Gemm.TileOf(_path).Rows, tiles = (d.FiltersPerGroup + mr - 1) / mr;
        int rowStart = part * tiles / _rowParts * mr, rowEnd = Math.Min(d.FiltersPerGroup, (part + 1) * tiles / _rowParts * mr);
        var y = args.Outputs[0].Slice(n * d.OutputSample + g * d.FiltersPerGroup * d.OutputPlane, d.FiltersPerGroup * d.OutputPlane);
        Gemm.MultiplyPackedRows(_path, d.FiltersPerGroup, d.OutputPlane, d.ColumnRows, rowStart, rowEnd, 1f,
            args.Workspace.Slice(g * _packedWeights, _packedWeights), args.Workspace.Slice(d.Groups * _packedWeights, _packedColumns),
            _hasBias ? 1f : 0f, y, d.OutputPlane);
    }

    /// <summary>The loop body of <see cref="SplitByFilterRows"/>; cached so a run allocates nothing.</summary>
    private sealed class FilterRowSplit(Conv2DKernel kernel) : IParallelBody
    {
        public KernelArguments? Arguments;
        public int Sample, Group;

        public void Run(int start, int end, int worker)
        {
            for (int part = start; part < end; part++) kernel.MultiplyFilterRows(Arguments!, Sample, Group, part);
        }
    }

    private void FillBias(ReadOnlySpan<float> bias, Span<float> ySample)
    {
        for (int k = 0; k < _d.Filters; k++) ySample.Slice(k * _d.OutputPlane, _d.OutputPlane).Fill(bias[k]);
    }
}
