// Loss ops: each reduces a batch to a scalar weighted mean, and has one backward op producing the
// gradient with respect to the predictions (labels and weights get none).
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Ops;

/// <summary>Shape rule shared by the losses: predictions [N, ...], targets, optional weights [N].</summary>
internal static class LossShapes
{
    public static IReadOnlyList<Shape> Check(IReadOnlyList<Shape> inputs, string targetRule, bool targetsMatch)
    {
        Shape prediction = inputs[0], target = inputs[1];
        if (!targetsMatch) throw new ShapeRuleException($"targets {target} do not fit predictions {prediction}: {targetRule}.");
        if (inputs.Count == 3 && inputs[2] != new Shape(prediction[0]))
            throw new ShapeRuleException($"sample weights {inputs[2]} must be ({(prediction[0] == Shape.Batch ? "N" : prediction[0])}).");
        return [Shape.Scalar];
    }

    public static Value?[] Gradient(GradientContext context, Op backward)
    {
        var inputs = Enumerable.Range(0, context.InputCount).Select(context.Input).Append(context.OutputGradientOrThrow).ToArray();
        var result = new Value?[context.InputCount];
        result[0] = context.Emit(backward, inputs);
        return result;
    }
}

/// <summary>
/// Multiclass cross-entropy of softmax(logits) against integral class labels. Inputs: logits [N, K], labels [N]
/// (0..K-1), optional sample weights [N]. Per sample: -sum_k q_k log p_k with q = (1-s) onehot + s/K
/// (<paramref name="LabelSmoothing"/> = s); each sample weighs ClassWeights[label] * sampleWeight, and the loss is
/// the weighted mean (PyTorch's CrossEntropyLoss with weight= and label_smoothing=, without class weights on the smoothing term).
/// </summary>
public sealed record SoftmaxCrossEntropy(float LabelSmoothing = 0f, float[]? ClassWeights = null) : Op
{
    protected override (int Min, int Max) InputCount => (2, 3);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        Require(inputs[0].Rank == 2, $"logits must be [N, classes], got {inputs[0]}.");
        Require(LabelSmoothing is >= 0f and < 1f, $"label smoothing {LabelSmoothing} must be in [0, 1).");
        Require(ClassWeights is null || ClassWeights.Length == inputs[0][1], $"{ClassWeights?.Length} class weights for {inputs[0][1]} classes.");
        return LossShapes.Check(inputs, "labels are [N] class indices", inputs[1] == new Shape(inputs[0][0]));
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        LossShapes.Gradient(context, new SoftmaxCrossEntropyBackward(LabelSmoothing, ClassWeights));
}

/// <summary>d loss / d logits = w_n (softmax - q) / sum w, times the incoming scalar. Inputs: logits, labels, [weights], dLoss.</summary>
public sealed record SoftmaxCrossEntropyBackward(float LabelSmoothing, float[]? ClassWeights) : BackwardOp
{
    protected override (int Min, int Max) InputCount => (3, 4);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [inputs[0]];
}

/// <summary>
/// Binary cross-entropy with logits: per element max(z,0) - z t + log(1 + e^-|z|), the weighted mean over samples
/// of the per-sample mean. Inputs: logits [N] or [N, 1], targets in [0, 1] with the same shape, optional weights [N].
/// </summary>
public sealed record SigmoidCrossEntropy : Op
{
    protected override (int Min, int Max) InputCount => (2, 3);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) =>
        LossShapes.Check(inputs, "targets must have the logits' shape", inputs[1] == inputs[0]);

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        LossShapes.Gradient(context, new SigmoidCrossEntropyBackward());
}

/// <summary>d loss / d z = w_n (sigmoid(z) - t) / (sum w * per-sample count). Inputs: logits, targets, [weights], dLoss.</summary>
public sealed record SigmoidCrossEntropyBackward : BackwardOp
{
    protected override (int Min, int Max) InputCount => (3, 4);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [inputs[0]];
}

/// <summary>Mean squared error: the weighted mean over samples of mean_j (p_j - t_j)^2. Inputs: predictions [N, ...], targets (same shape), optional weights [N].</summary>
public sealed record MeanSquaredError : Op
{
    protected override (int Min, int Max) InputCount => (2, 3);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) =>
        LossShapes.Check(inputs, "targets must have the predictions' shape", inputs[1] == inputs[0]);

    public override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        LossShapes.Gradient(context, new MeanSquaredErrorBackward());
}

/// <summary>d loss / d p = 2 w_n (p - t) / (sum w * per-sample count). Inputs: predictions, targets, [weights], dLoss.</summary>
public sealed record MeanSquaredErrorBackward : BackwardOp
{
    protected override (int Min, int Max) InputCount => (3, 4);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [inputs[0]];
}
