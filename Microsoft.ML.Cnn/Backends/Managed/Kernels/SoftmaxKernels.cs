// Softmax over the classes of [N, K] and its backward, one row per item.
using System.Numerics.Tensors;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>y[n,:] = exp(x[n,:] - max) / sum exp(x[n,:] - max): subtracting the row max keeps exp from overflowing.</summary>
internal sealed class SoftmaxKernel(Shape shape) : ParallelKernel
{
    private readonly int _classes = shape[1];

    protected override int ItemCount => shape[0];

    protected override void RunItem(int n)
    {
        var x = Arguments.Inputs[0].Slice(n * _classes, _classes);  // [K]
        var y = Arguments.Outputs[0].Slice(n * _classes, _classes); // [K]
        float max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, y);
        TensorPrimitives.Exp(y, y);
        TensorPrimitives.Divide(y, TensorPrimitives.Sum(y), y);
    }
}

/// <summary>dx[n,:] = y (dy - sum_k dy_k y_k). Inputs: y, dy.</summary>
internal sealed class SoftmaxBackwardKernel(Shape shape) : ParallelKernel
{
    private readonly int _classes = shape[1];

    protected override int ItemCount => shape[0];

    protected override void RunItem(int n)
    {
        var y = Arguments.Inputs[0].Slice(n * _classes, _classes);   // [K]
        var dy = Arguments.Inputs[1].Slice(n * _classes, _classes);  // [K]
        var dx = Arguments.Outputs[0].Slice(n * _classes, _classes); // [K]
        float dot = TensorPrimitives.Dot(dy, y);
        for (int k = 0; k < _classes; k++) dx[k] = y[k] * (dy[k] - dot);
    }
}
