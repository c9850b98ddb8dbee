// Elementwise activations and their gradients (oneDNN's eltwise family), over flat arrays of any shape.
using System.Numerics.Tensors;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>y = f(x) elementwise.</summary>
internal sealed class EltwiseKernel(EltwiseFunction function, float alpha) : ManagedKernel
{
    public override void Execute(KernelArguments arguments)
    {
        ReadOnlySpan<float> x = arguments.Inputs[0].Span;
        Span<float> y = arguments.Outputs[0].Span;
        switch (function)
        {
            case EltwiseFunction.Relu:
                TensorPrimitives.Max(x, 0f, y);
                break;
            case EltwiseFunction.LeakyRelu:
                for (int i = 0; i < x.Length; i++) y[i] = x[i] > 0f ? x[i] : alpha * x[i];
                break;
            case EltwiseFunction.Elu:
                for (int i = 0; i < x.Length; i++) y[i] = x[i] > 0f ? x[i] : alpha * (MathF.Exp(x[i]) - 1f);
                break;
            case EltwiseFunction.Sigmoid:
                TensorPrimitives.Sigmoid(x, y);
                break;
            case EltwiseFunction.Tanh:
                TensorPrimitives.Tanh(x, y);
                break;
            default:
                throw new NotSupportedException($"The managed backend has no kernel for eltwise function {function}.");
        }
    }
}

/// <summary>dx = f'(x) dy. Inputs: x, y = f(x), dy. Sigmoid and tanh use y; the others use x.</summary>
internal sealed class EltwiseBackwardKernel(EltwiseFunction function, float alpha) : ManagedKernel
{
    public override void Execute(KernelArguments arguments)
    {
        ReadOnlySpan<float> x = arguments.Inputs[0].Span;
        ReadOnlySpan<float> y = arguments.Inputs[1].Span;
        ReadOnlySpan<float> dy = arguments.Inputs[2].Span;
        Span<float> dx = arguments.Outputs[0].Span;
        switch (function)
        {
            case EltwiseFunction.Relu:
                // NOTE: strictly x > 0, so the gradient at exactly 0 is 0 (PyTorch, oneDNN).
                for (int i = 0; i < x.Length; i++) dx[i] = x[i] > 0f ? dy[i] : 0f;
                break;
            case EltwiseFunction.LeakyRelu:
                for (int i = 0; i < x.Length; i++) dx[i] = x[i] > 0f ? dy[i] : alpha * dy[i];
                break;
            case EltwiseFunction.Elu:
                // d/dx alpha (e^x - 1) = alpha e^x = y + alpha.
                for (int i = 0; i < x.Length; i++) dx[i] = x[i] > 0f ? dy[i] : dy[i] * (y[i] + alpha);
                break;
            case EltwiseFunction.Sigmoid:
                for (int i = 0; i < x.Length; i++) dx[i] = dy[i] * y[i] * (1f - y[i]);
                break;
            case EltwiseFunction.Tanh:
                for (int i = 0; i < x.Length; i++) dx[i] = dy[i] * (1f - y[i] * y[i]);
                break;
            default:
                throw new NotSupportedException($"The managed backend has no kernel for eltwise function {function}.");
        }
    }
}
