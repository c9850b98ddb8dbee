// The activation functions a layer can apply to its output, and their lowering to ops.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>An activation fused into a <see cref="Conv2D"/> or <see cref="Dense"/> layer. Persisted: values are pinned.</summary>
public enum Activation : byte
{
    /// <summary>Identity: the layer's output is its linear result (logits, for a classifier's last layer).</summary>
    None = 0,
    /// <summary>max(x, 0).</summary>
    Relu = 1,
    /// <summary>x for x &gt; 0, 0.01 x otherwise (use the <see cref="LeakyReLU"/> layer for another slope).</summary>
    LeakyRelu = 2,
    /// <summary>x for x &gt; 0, e^x - 1 otherwise (use the <see cref="ELU"/> layer for another alpha).</summary>
    Elu = 3,
    /// <summary>1 / (1 + e^-x).</summary>
    Sigmoid = 4,
    /// <summary>tanh(x).</summary>
    Tanh = 5,
    /// <summary>Softmax over the features of a flat [N, K] output.</summary>
    Softmax = 6,
}

/// <summary>Emits activations as ops, shared by the fused form and the activation layers.</summary>
internal static class ActivationOps
{
    public const float DefaultLeakyReluAlpha = 0.01f;
    public const float DefaultEluAlpha = 1f;

    /// <summary>True for activations after which He initialization keeps the variance (ReLU-like).</summary>
    public static bool IsReluLike(Activation activation) => activation is Activation.Relu or Activation.LeakyRelu or Activation.Elu;

    public static void Validate(Activation activation, string parameterName)
    {
        if (!Enum.IsDefined(activation))
            throw new ArgumentOutOfRangeException(parameterName, activation, $"Unknown activation; use one of {string.Join(", ", Enum.GetNames<Activation>())}.");
    }

    public static Value Emit(LayerContext context, Value x, Activation activation) => activation switch
    {
        Activation.None => x,
        Activation.Relu => context.Emit(new Eltwise(EltwiseFunction.Relu), x),
        Activation.LeakyRelu => context.Emit(new Eltwise(EltwiseFunction.LeakyRelu, DefaultLeakyReluAlpha), x),
        Activation.Elu => context.Emit(new Eltwise(EltwiseFunction.Elu, DefaultEluAlpha), x),
        Activation.Sigmoid => context.Emit(new Eltwise(EltwiseFunction.Sigmoid), x),
        Activation.Tanh => context.Emit(new Eltwise(EltwiseFunction.Tanh), x),
        Activation.Softmax => context.Emit(new Ops.Softmax(), x),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };
}
