// Elementwise activations (oneDNN's eltwise family) and their shared backward op.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Ops;

/// <summary>Elementwise functions. Persisted: values are pinned.</summary>
public enum EltwiseFunction : byte
{
    /// <summary>max(x, 0); the gradient at 0 is 0, as in PyTorch and oneDNN.</summary>
    Relu = 0,
    /// <summary>x for x &gt; 0, alpha*x otherwise.</summary>
    LeakyRelu = 1,
    /// <summary>x for x &gt; 0, alpha*(e^x - 1) otherwise.</summary>
    Elu = 2,
    /// <summary>1 / (1 + e^-x).</summary>
    Sigmoid = 3,
    /// <summary>tanh(x).</summary>
    Tanh = 4,
}

/// <summary>y = f(x) elementwise; <paramref name="Alpha"/> is the negative slope (LeakyRelu) or scale (Elu).</summary>
public sealed record Eltwise(EltwiseFunction Function, float Alpha = 0f) : Op
{
    public override string Name => Function.ToString();

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [inputs[0]];

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        [context.Emit(new EltwiseBackward(Function, Alpha), context.Input(0), context.Output(), context.OutputGradientOrThrow)];
}

/// <summary>dx = f'(x) * dy. Inputs: x, y = f(x) (sigmoid and tanh use y), dy.</summary>
public sealed record EltwiseBackward(EltwiseFunction Function, float Alpha = 0f) : BackwardOp
{
    public override string Name => Function + "Backward";

    protected override (int Min, int Max) InputCount => (3, 3);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [inputs[0]];
}

/// <summary>y[n,:] = softmax(x[n,:]) over axis 1 of [N, K].</summary>
public sealed record Softmax : Op
{
    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        Require(inputs[0].Rank == 2, $"Softmax works over classes of a [N, K] input, got {inputs[0]}: flatten or pool first.");
        return [inputs[0]];
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        [context.Emit(new SoftmaxBackward(), context.Output(), context.OutputGradientOrThrow)];
}

/// <summary>dx = y * (dy - sum_k(dy * y)). Inputs: y, dy.</summary>
public sealed record SoftmaxBackward : BackwardOp
{
    protected override (int Min, int Max) InputCount => (2, 2);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [inputs[0]];
}
