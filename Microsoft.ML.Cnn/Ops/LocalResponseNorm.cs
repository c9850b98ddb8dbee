// Local response normalization across channels (AlexNet's LRN) in PyTorch's convention, and its backward op.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Ops;

/// <summary>
/// y[n,c,h,w] = x[n,c,h,w] / (K + Alpha/Size * sum over c' in window(c) of x[n,c',h,w]^2)^Beta, where window(c) is
/// the channels c - Size/2 .. c + (Size-1)/2 (integer division) that exist: PyTorch's <c>LocalResponseNorm</c>, which
/// pads Size/2 channels before and (Size-1)/2 after. For odd sizes the window is centred; an even size puts the
/// extra channel before c. Note that Alpha is divided by Size (PyTorch, ONNX and oneDNN do so; the AlexNet paper does
/// not, so its alpha = 1e-4 over n = 5 channels is Alpha = 5e-4 here). Input and output [N, C, H, W].
/// </summary>
public sealed record LocalResponseNorm(int Size, float Alpha, float Beta, float K) : Op
{
    /// <summary>The first channel of window(c).</summary>
    public int WindowStart(int c) => c - Size / 2;

    /// <summary>The last channel of window(c) (inclusive).</summary>
    public int WindowEnd(int c) => c + (Size - 1) / 2;

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        RequireRank(inputs[0], 4, "LocalResponseNorm input", "[N, C, H, W]");
        Require(Size >= 1, $"LocalResponseNorm size {Size} must be at least 1 channel.");
        Require(Alpha >= 0 && float.IsFinite(Alpha) && Beta >= 0 && float.IsFinite(Beta),
            $"LocalResponseNorm alpha {Alpha} and beta {Beta} must be finite and not negative.");
        Require(K > 0 && float.IsFinite(K), $"LocalResponseNorm k {K} must be positive, so the denominator never reaches 0.");
        return [inputs[0]];
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        [context.Emit(new LocalResponseNormBackward(this), context.Input(0), context.Output(), context.OutputGradientOrThrow)];
}

/// <summary>
/// With s[c] = K + Alpha/Size * sum over window(c) of x^2 (so y[c] = x[c] s[c]^-Beta):
/// dx[j] = dy[j] s[j]^-Beta - (2 Alpha Beta / Size) x[j] * sum over the c whose window holds j of dy[c] y[c] / s[c].
/// Those c are j - (Size-1)/2 .. j + Size/2 (the window mirrored). Inputs: x, y (the forward output: a backend finds
/// the forward node through it, e.g. to reuse a workspace), dy. Output: x's shape.
/// </summary>
public sealed record LocalResponseNormBackward(LocalResponseNorm Forward) : BackwardOp
{
    protected override (int Min, int Max) InputCount => (3, 3);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [inputs[0]];
}
