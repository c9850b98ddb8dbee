// Dense (inner product) forward and backward as GEMMs split across the worker pool.
using System.Numerics.Tensors;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>y [N, U] = x [N, F] w^T (w is [U, F]) + b.</summary>
internal sealed class DenseKernel(Shape input, Shape weight, bool hasBias) : ManagedKernel
{
    private readonly int _batch = input[0], _features = input[1], _units = weight[0];
    private readonly ParallelGemm _gemm = new();

    public override long WorkspaceLength => ParallelGemm.ScratchLength(_batch, _units, _features, WorkSlots.Max);

    public override void Execute(KernelArguments arguments)
    {
        TensorView x = arguments.Inputs[0], w = arguments.Inputs[1], y = arguments.Outputs[0];
        if (hasBias)
        {
            var bias = arguments.Inputs[2].Span;
            for (int n = 0; n < _batch; n++) bias.CopyTo(y.Slice(n * _units, _units));
        }
        _gemm.Multiply(arguments.Pool, WorkSlots.Max, false, true, _batch, _units, _features, 1f,
            new(x.Array, x.Offset, _features), new(w.Array, w.Offset, _features), hasBias ? 1f : 0f,
            new(y.Array, y.Offset, _units), new(arguments.Workspace.Array, arguments.Workspace.Offset, 0));
    }
}

/// <summary>dx [N, F] = dy [N, U] w [U, F].</summary>
internal sealed class DenseBackwardDataKernel(Shape outputGradient, Shape weight) : ManagedKernel
{
    private readonly int _batch = outputGradient[0], _units = weight[0], _features = weight[1];
    private readonly ParallelGemm _gemm = new();

    public override long WorkspaceLength => ParallelGemm.ScratchLength(_batch, _features, _units, WorkSlots.Max);

    public override void Execute(KernelArguments arguments)
    {
        TensorView dy = arguments.Inputs[0], w = arguments.Inputs[1], dx = arguments.Outputs[0];
        _gemm.Multiply(arguments.Pool, WorkSlots.Max, false, false, _batch, _features, _units, 1f,
            new(dy.Array, dy.Offset, _units), new(w.Array, w.Offset, _features), 0f,
            new(dx.Array, dx.Offset, _features), new(arguments.Workspace.Array, arguments.Workspace.Offset, 0));
    }
}

/// <summary>dw [U, F] = dy^T x with dy [N, U], x [N, F]; db [U] = column sums of dy.</summary>
internal sealed class DenseBackwardWeightsKernel(Shape input, Shape outputGradient, bool hasBias) : ManagedKernel
{
    private readonly int _batch = input[0], _features = input[1], _units = outputGradient[1];
    private readonly ParallelGemm _gemm = new();

    public override long WorkspaceLength => ParallelGemm.ScratchLength(_units, _features, _batch, WorkSlots.Max);

    public override void Execute(KernelArguments arguments)
    {
        TensorView x = arguments.Inputs[0], dy = arguments.Inputs[1], dw = arguments.Outputs[0];
        _gemm.Multiply(arguments.Pool, WorkSlots.Max, true, false, _units, _features, _batch, 1f,
            new(dy.Array, dy.Offset, _units), new(x.Array, x.Offset, _features), 0f,
            new(dw.Array, dw.Offset, _features), new(arguments.Workspace.Array, arguments.Workspace.Offset, 0));
        if (!hasBias) return;
        var db = arguments.Outputs[1].Span;
        db.Clear();
        for (int n = 0; n < _batch; n++) TensorPrimitives.Add(db, dy.Slice(n * _units, _units), db);
    }
}
