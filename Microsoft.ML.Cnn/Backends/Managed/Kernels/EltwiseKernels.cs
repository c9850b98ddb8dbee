// Elementwise activations and their gradients (oneDNN's eltwise family), over flat arrays of any shape.
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
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
                SelectByPositive(x, dy, leaky: false, 0f, dx);
                break;
            case EltwiseFunction.LeakyRelu:
                SelectByPositive(x, dy, leaky: true, alpha, dx);
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

    // dx = x > 0 ? dy : (leaky ? slope * dy : 0), a SIMD vector at a time: ReLU's backward pass is memory-bound,
    // and a scalar loop over three bounds-checked spans ran several times slower than the forward pass.
    // ReLU writes a true 0 (not 0 * dy, which is NaN for an infinite dy).
    private static void SelectByPositive(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, bool leaky, float slope, Span<float> dx)
    {
        if (dy.Length != x.Length || dx.Length != x.Length) throw new ArgumentException("x, dy and dx must have the same length.");
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var dys = MemoryMarshal.Cast<float, Vector<float>>(dy);
            var dxs = MemoryMarshal.Cast<float, Vector<float>>(dx);
            var slopes = new Vector<float>(slope);
            for (int v = 0; v < xs.Length; v++)
                dxs[v] = Vector.ConditionalSelect(Vector.GreaterThan(xs[v], Vector<float>.Zero), dys[v], leaky ? dys[v] * slopes : Vector<float>.Zero);
            i = xs.Length * Vector<float>.Count;
        }
        for (; i < x.Length; i++) dx[i] = x[i] > 0f ? dy[i] : leaky ? slope * dy[i] : 0f;
    }
}
