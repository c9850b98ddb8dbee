// Conv2D backward-data: per chunk of samples and group, columns = W_g^T dy_g, then col2im adds them onto dx_g.
// W^T is packed once per run; chunks are split across worker slots. A chunk of several samples gathers their
// dy planes side by side so small output planes still fill GEMM panels; one 1x1 stride-1 sample writes W^T dy into dx.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>Inputs dy [N, K, OH, OW], w [K, C/g, KH, KW]; output dx [N, C, H, W].</summary>
internal sealed class Conv2DBackwardDataKernel : ManagedKernel, IParallelBody
{
    private readonly ConvolutionDimensions _d;
    private readonly SampleChunks _chunks;
    private readonly GemmPath _path = Gemm.BestPath;
    private readonly int _packedWeights, _packedGradient, _gatheredLength, _columnLength, _slotLength;
    private KernelArguments? _arguments;

    public Conv2DBackwardDataKernel(Conv2DBackwardData op, Shape[] inputs, Shape[] outputs)
    {
        _d = new ConvolutionDimensions(op.Geometry, outputs[0], inputs[1]);
        _chunks = new SampleChunks(_d, SampleChunks.ProductColumns);
        if (_d.IsDepthwise) return;
        int columns = _chunks.Columns;
        bool direct = _d.IsPointwise && _chunks.SamplesPerChunk == 1;
        _packedWeights = Gemm.RoundUp(Gemm.PackedALength(_path, _d.ColumnRows, _d.FiltersPerGroup), 16);
        _packedGradient = Gemm.RoundUp(Gemm.PackedBLength(_path, _d.FiltersPerGroup, columns), 16);
        _gatheredLength = _chunks.SamplesPerChunk > 1 ? Gemm.RoundUp(_d.FiltersPerGroup * columns, 16) : 0;
        _columnLength = direct ? 0 : _d.ColumnRows * columns;
        _slotLength = Gemm.RoundUp(_packedGradient + _gatheredLength + _columnLength, 16);
    }

    // Packed W_g^T of every group, then one slice per slot: the packed dy_g, the gathered dy_g and the column matrix.
    public override long WorkspaceLength => (long)_d.Groups * _packedWeights + (long)_chunks.Slots * _slotLength;

    public override void Execute(KernelArguments arguments)
    {
        if (!_d.IsDepthwise) _d.PackGroupWeights(_path, transposed: true, arguments.Inputs[1].Span, arguments.Workspace.Span, _packedWeights);
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
                BackwardChunk(args, n, Math.Min(_chunks.SamplesPerChunk, last - n), workspace);
        }
    }

    private void BackwardChunk(KernelArguments args, int first, int count, Span<float> workspace)
    {
        var d = _d;
        ReadOnlySpan<float> dy = args.Inputs[0].Span;
        var dx = args.Outputs[0].Span;
        var dxChunk = dx.Slice(first * d.InputSample, count * d.InputSample);
        if (d.IsDepthwise)
        {
            dxChunk.Clear();
            for (int n = first; n < first + count; n++)
                DepthwiseConvolution.BackwardData(d, dy.Slice(n * d.OutputSample, d.OutputSample), args.Inputs[1].Span,
                    dx.Slice(n * d.InputSample, d.InputSample));
            return;
        }
        // col2im adds, so dx starts at zero; pointwise columns are copied over every element instead.
        if (!d.IsPointwise) dxChunk.Clear();
        int columns = count * d.OutputPlane;
        var packedGradient = workspace[.._packedGradient];
        var gathered = workspace.Slice(_packedGradient, _gatheredLength);
        var columnMatrix = workspace.Slice(_packedGradient + _gatheredLength, _columnLength);
        int groupInput = d.ChannelsPerGroup * d.InputPlane;
        for (int g = 0; g < d.Groups; g++)
        {
            // dy_g [Kg, count*OH*OW]: one sample's planes already lie that way in dy.
            ReadOnlySpan<float> gradient = dy.Slice(first * d.OutputSample + g * d.FiltersPerGroup * d.OutputPlane);
            if (count > 1)
            {
                SampleColumns.Gather(d, dy, first, count, g, gathered);
                gradient = gathered;
            }
            Gemm.PackB(_path, false, gradient, columns, d.FiltersPerGroup, columns, packedGradient);
            var weights = args.Workspace.Slice(g * _packedWeights, _packedWeights);
            if (d.IsPointwise && count == 1)
            {
                Gemm.MultiplyPacked(_path, d.ColumnRows, columns, d.FiltersPerGroup, 1f, weights, packedGradient,
                    0f, dxChunk.Slice(g * groupInput, groupInput), columns);
                continue;
            }
            // W_g^T [ColumnRows, Kg] times dy_g [Kg, count*OH*OW] gives the columns [ColumnRows, count*OH*OW].
            Gemm.MultiplyPacked(_path, d.ColumnRows, columns, d.FiltersPerGroup, 1f, weights, packedGradient, 0f, columnMatrix, columns);
            SampleColumns.Accumulate(d, columnMatrix, first, count, g, dx);
        }
    }
}
