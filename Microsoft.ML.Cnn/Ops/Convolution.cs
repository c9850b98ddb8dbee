// 2-D convolution (cross-correlation, as in every framework) with stride, asymmetric padding, dilation
// and groups, and its two backward ops, matching oneDNN's forward / backward-data / backward-weights split.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Ops;

/// <summary>The geometry shared by a convolution and its backward ops.</summary>
public sealed record Conv2DGeometry(int KernelHeight, int KernelWidth, int StrideHeight, int StrideWidth,
    Padding2D Padding, int DilationHeight, int DilationWidth, int Groups)
{
    /// <summary>Output [OH, OW] for an input [H, W], with the failing formula in the exception.</summary>
    public (int Height, int Width) OutputSize(int height, int width) =>
        (Ops.OutputSize.Compute("height", height, KernelHeight, StrideHeight, Padding.Top, Padding.Bottom, DilationHeight),
         Ops.OutputSize.Compute("width", width, KernelWidth, StrideWidth, Padding.Left, Padding.Right, DilationWidth));

    public override string ToString() =>
        $"{KernelHeight}x{KernelWidth} stride {StrideHeight}x{StrideWidth} pad {Padding} dilation {DilationHeight}x{DilationWidth} groups {Groups}";
}

/// <summary>
/// y[n,k,oh,ow] = b[k] + sum over c in k's group, i, j of x[n,c, oh*sh - pt + i*dh, ow*sw - pl + j*dw] * w[k,c',i,j].
/// Inputs: x [N, C, H, W], w [K, C/groups, KH, KW], optional b [K]. Output [N, K, OH, OW].
/// </summary>
public sealed record Conv2D(Conv2DGeometry Geometry, bool HasBias) : Op
{
    protected override (int Min, int Max) InputCount => HasBias ? (3, 3) : (2, 2);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        Shape x = inputs[0], w = inputs[1];
        RequireRank(x, 4, "Conv2D input", "[N, C, H, W]");
        RequireRank(w, 4, "Conv2D weight", "[K, C/groups, KH, KW]");
        int groups = Geometry.Groups;
        Require(groups > 0 && x[1] % groups == 0, $"groups {groups} must divide the {x[1]} input channels.");
        Require(w[0] % groups == 0, $"groups {groups} must divide the {w[0]} filters.");
        Require(w[1] == x[1] / groups, $"weight {w} expects {w[1] * groups} input channels, the input has {x[1]}.");
        Require(w[2] == Geometry.KernelHeight && w[3] == Geometry.KernelWidth, $"weight {w} does not match kernel {Geometry.KernelHeight}x{Geometry.KernelWidth}.");
        if (HasBias) Require(inputs[2] == new Shape(w[0]), $"bias {inputs[2]} must be ({w[0]}).");
        var (oh, ow) = Geometry.OutputSize(x[2], x[3]);
        return [new Shape(x[0], w[0], oh, ow)];
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context)
    {
        var dy = context.OutputGradientOrThrow;
        Value x = context.Input(0), w = context.Input(1);
        var result = new Value?[context.InputCount];
        if (context.NeedsGradient(0))
            result[0] = context.Emit(new Conv2DBackwardData(Geometry, x.Shape), dy, w);
        if (context.NeedsAnyGradient(HasBias ? [1, 2] : [1]))
        {
            var grads = context.EmitMany(new Conv2DBackwardWeights(Geometry, w.Shape, HasBias), x, dy);
            result[1] = grads[0];
            if (HasBias) result[2] = grads[1];
        }
        return result;
    }
}

/// <summary>dx = the transpose of <see cref="Conv2D"/> applied to dy. Inputs: dy [N, K, OH, OW], w. Output: x's shape.</summary>
public sealed record Conv2DBackwardData(Conv2DGeometry Geometry, Shape InputShape) : BackwardOp
{
    protected override (int Min, int Max) InputCount => (2, 2);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [InputShape.WithDimension(0, inputs[0][0])];
}

/// <summary>dw[k,c,i,j] = sum over n, oh, ow of dy * x (and db[k] = sum of dy). Inputs: x, dy. Outputs: dw (and db).</summary>
public sealed record Conv2DBackwardWeights(Conv2DGeometry Geometry, Shape WeightShape, bool HasBias) : BackwardOp
{
    protected override (int Min, int Max) InputCount => (2, 2);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) =>
        HasBias ? [WeightShape, new Shape(WeightShape[0])] : [WeightShape];
}
