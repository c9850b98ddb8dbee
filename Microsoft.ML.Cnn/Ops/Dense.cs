// Fully connected layer as one op (oneDNN's inner product): y = x w^T + b.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Ops;

/// <summary>y[n,u] = b[u] + sum_f x[n,f] w[u,f]. Inputs: x [N, F], w [U, F] (PyTorch's Linear layout), optional b [U].</summary>
public sealed record Dense(bool HasBias) : Op
{
    protected override (int Min, int Max) InputCount => HasBias ? (3, 3) : (2, 2);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        Shape x = inputs[0], w = inputs[1];
        Require(x.Rank == 2, $"Dense expects a flat input [N, features], got {x}: add a Flatten layer before it.");
        RequireRank(w, 2, "Dense weight", "[units, features]");
        Require(w[1] == x[1], $"weight {w} expects {w[1]} input features, the input has {x[1]}.");
        if (HasBias) Require(inputs[2] == new Shape(w[0]), $"bias {inputs[2]} must be ({w[0]}).");
        return [new Shape(x[0], w[0])];
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context)
    {
        var dy = context.OutputGradientOrThrow;
        Value x = context.Input(0), w = context.Input(1);
        var result = new Value?[context.InputCount];
        if (context.NeedsGradient(0)) result[0] = context.Emit(new DenseBackwardData(), dy, w);
        if (context.NeedsAnyGradient(HasBias ? [1, 2] : [1]))
        {
            var grads = context.EmitMany(new DenseBackwardWeights(HasBias), x, dy);
            result[1] = grads[0];
            if (HasBias) result[2] = grads[1];
        }
        return result;
    }
}

/// <summary>dx = dy w. Inputs: dy [N, U], w [U, F]. Output [N, F].</summary>
public sealed record DenseBackwardData : BackwardOp
{
    protected override (int Min, int Max) InputCount => (2, 2);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [new Shape(inputs[0][0], inputs[1][1])];
}

/// <summary>dw = dy^T x, db = column sums of dy. Inputs: x [N, F], dy [N, U]. Outputs: dw [U, F] (and db [U]).</summary>
public sealed record DenseBackwardWeights(bool HasBias) : BackwardOp
{
    protected override (int Min, int Max) InputCount => (2, 2);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        var dw = new Shape(inputs[1][1], inputs[0][1]);
        return HasBias ? [dw, new Shape(inputs[1][1])] : [dw];
    }
}
