// Standalone activation layers (after a BatchNorm, or to name the activation in a summary); no parameters.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>max(x, 0) elementwise.</summary>
public sealed class ReLU(string? name = null) : Layer(name)
{
    public override string TypeName => "ReLU";

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Eltwise(EltwiseFunction.Relu), inputs[0]);
}

/// <summary>x for x &gt; 0, <see cref="Alpha"/> x otherwise.</summary>
public sealed class LeakyReLU : Layer
{
    public LeakyReLU(float alpha = ActivationOps.DefaultLeakyReluAlpha, string? name = null) : base(name)
    {
        if (!float.IsFinite(alpha) || alpha < 0f) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The negative slope must be a finite number >= 0.");
        Alpha = alpha;
    }

    public override string TypeName => "LeakyReLU";

    /// <summary>Slope for negative inputs.</summary>
    public float Alpha { get; }

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Eltwise(EltwiseFunction.LeakyRelu, Alpha), inputs[0]);
}

/// <summary>x for x &gt; 0, <see cref="Alpha"/> (e^x - 1) otherwise.</summary>
public sealed class ELU : Layer
{
    public ELU(float alpha = ActivationOps.DefaultEluAlpha, string? name = null) : base(name)
    {
        if (!float.IsFinite(alpha) || alpha <= 0f) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "ELU's alpha must be a finite number > 0.");
        Alpha = alpha;
    }

    public override string TypeName => "ELU";

    /// <summary>The value approached for very negative inputs is -Alpha.</summary>
    public float Alpha { get; }

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Eltwise(EltwiseFunction.Elu, Alpha), inputs[0]);
}

/// <summary>1 / (1 + e^-x) elementwise.</summary>
public sealed class Sigmoid(string? name = null) : Layer(name)
{
    public override string TypeName => "Sigmoid";

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Eltwise(EltwiseFunction.Sigmoid), inputs[0]);
}

/// <summary>tanh(x) elementwise.</summary>
public sealed class Tanh(string? name = null) : Layer(name)
{
    public override string TypeName => "Tanh";

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Eltwise(EltwiseFunction.Tanh), inputs[0]);
}

/// <summary>
/// Softmax over the features of [N, K]: class probabilities. Classifiers trained with a cross-entropy loss should
/// output logits instead (the loss applies softmax in a numerically stable way).
/// </summary>
public sealed class Softmax(string? name = null) : Layer(name)
{
    public override string TypeName => "Softmax";

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Ops.Softmax(), inputs[0]);
}
