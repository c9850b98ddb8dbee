// Max, average, L2 and global average pooling over the spatial dimensions of [N, C, H, W], with backward ops.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Ops;

/// <summary>Window, stride and padding of a pooling op.</summary>
public sealed record Pool2DGeometry(int KernelHeight, int KernelWidth, int StrideHeight, int StrideWidth, Padding2D Padding)
{
    public (int Height, int Width) OutputSize(int height, int width)
    {
        if (Padding.Top >= KernelHeight || Padding.Bottom >= KernelHeight || Padding.Left >= KernelWidth || Padding.Right >= KernelWidth)
            throw new ShapeRuleException($"padding {Padding} must be smaller than the {KernelHeight}x{KernelWidth} window, or some windows would see only padding.");
        return (Ops.OutputSize.Compute("height", height, KernelHeight, StrideHeight, Padding.Top, Padding.Bottom),
                Ops.OutputSize.Compute("width", width, KernelWidth, StrideWidth, Padding.Left, Padding.Right));
    }

    internal IReadOnlyList<Shape> InferPooled(Shape x)
    {
        if (x.Rank != 4) throw new ShapeRuleException($"pooling expects [N, C, H, W], got {x}.");
        var (oh, ow) = OutputSize(x[2], x[3]);
        return [new Shape(x[0], x[1], oh, ow)];
    }

    public override string ToString() => $"{KernelHeight}x{KernelWidth} stride {StrideHeight}x{StrideWidth} pad {Padding}";
}

/// <summary>y = max over the window; padded positions never win. Ties go to the first position in row-major order.</summary>
public sealed record MaxPool2D(Pool2DGeometry Geometry) : Op
{
    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => Geometry.InferPooled(inputs[0]);

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        [context.Emit(new MaxPool2DBackward(Geometry), context.Input(0), context.Output(), context.OutputGradientOrThrow)];
}

/// <summary>
/// dx: each dy goes to its window's arg-max. Inputs: x, y (the forward output: a backend finds the forward
/// node through it, e.g. to reuse a workspace), dy.
/// </summary>
public sealed record MaxPool2DBackward(Pool2DGeometry Geometry) : BackwardOp
{
    protected override (int Min, int Max) InputCount => (3, 3);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [inputs[0]];
}

/// <summary>
/// y = mean over the window. With <paramref name="CountIncludesPadding"/> the divisor is always KH*KW (PyTorch's
/// default); without it, only positions inside the input count (Keras/TensorFlow "same" behaviour).
/// </summary>
public sealed record AvgPool2D(Pool2DGeometry Geometry, bool CountIncludesPadding) : Op
{
    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => Geometry.InferPooled(inputs[0]);

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        [context.Emit(new AvgPool2DBackward(Geometry, CountIncludesPadding, context.Input(0).Shape), context.OutputGradientOrThrow)];
}

/// <summary>dx: each dy spread evenly over its window. Input: dy. Output: x's shape.</summary>
public sealed record AvgPool2DBackward(Pool2DGeometry Geometry, bool CountIncludesPadding, Shape InputShape) : BackwardOp
{
    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [InputShape.WithDimension(0, inputs[0][0])];
}

/// <summary>y[n,c] = mean over h, w of x[n,c,h,w]: [N, C, H, W] to [N, C].</summary>
public sealed record GlobalAvgPool : Op
{
    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        RequireRank(inputs[0], 4, "GlobalAveragePool input", "[N, C, H, W]");
        return [new Shape(inputs[0][0], inputs[0][1])];
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        [context.Emit(new GlobalAvgPoolBackward(context.Input(0).Shape), context.OutputGradientOrThrow)];
}

/// <summary>dx[n,c,h,w] = dy[n,c] / (H*W). Input: dy [N, C]. Output: x's shape.</summary>
public sealed record GlobalAvgPoolBackward(Shape InputShape) : BackwardOp
{
    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [InputShape.WithDimension(0, inputs[0][0])];
}

/// <summary>
/// L2 pooling: y = sqrt(sum over the window of x^2), padded positions counting as zeros (PyTorch's
/// <c>LPPool2d(2, kernel, stride)</c> after zero padding, ONNX's <c>LpPool</c> with p = 2). A smooth max: it sits
/// between the average and the maximum of |x| (times the window's root size).
/// </summary>
public sealed record L2Pool2D(Pool2DGeometry Geometry) : Op
{
    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => Geometry.InferPooled(inputs[0]);

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        [context.Emit(new L2Pool2DBackward(Geometry), context.Input(0), context.Output(), context.OutputGradientOrThrow)];
}

/// <summary>
/// dx[i] = sum over the windows w holding i of x[i] dy[w] / y[w]. Where y[w] = 0 (every value of the window is 0) the
/// window contributes 0: sqrt has no derivative at 0, PyTorch gives NaN or infinity there, and 0 is the subgradient
/// that keeps training finite. Inputs: x, y, dy. Output: x's shape.
/// </summary>
public sealed record L2Pool2DBackward(Pool2DGeometry Geometry) : BackwardOp
{
    protected override (int Min, int Max) InputCount => (3, 3);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [inputs[0]];
}
