// AdamW (Loshchilov and Hutter): Adam with weight decay decoupled from the gradient, PyTorch's formulation.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Optimizers;

/// <summary>
/// AdamW: w *= 1 - lr * decay, then the <see cref="Adam"/> update. The decoupled decay applies to
/// <see cref="ParameterRole.Weight"/> parameters only (biases and batch-norm parameters are not decayed),
/// unlike PyTorch's default of decaying every parameter of the group.
/// </summary>
public sealed class AdamW : Adam
{
    /// <param name="learningRate">Base learning rate, e.g. 1e-3.</param>
    /// <param name="decoupledWeightDecay">Decoupled decay per unit of learning rate, e.g. 0.01 (PyTorch's default).</param>
    /// <param name="beta1">Decay of the first moment.</param>
    /// <param name="beta2">Decay of the second moment.</param>
    /// <param name="epsilon">Added to the denominator for stability.</param>
    public AdamW(float learningRate = 1e-3f, float decoupledWeightDecay = 0.01f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
        : base(learningRate, beta1, beta2, epsilon)
    {
        if (!(decoupledWeightDecay >= 0f) || float.IsInfinity(decoupledWeightDecay))
            throw new ArgumentOutOfRangeException(nameof(decoupledWeightDecay), decoupledWeightDecay, "Decoupled weight decay must be a finite number >= 0, e.g. 0.01.");
        DecoupledWeightDecay = decoupledWeightDecay;
    }

    public float DecoupledWeightDecay { get; }

    public override string ToString() => $"AdamW(lr={LearningRate}, weight_decay={DecoupledWeightDecay}, beta1={Beta1}, beta2={Beta2}, eps={Epsilon})";

    protected override void UpdateStep(UpdateArguments arguments)
    {
        if (arguments.Parameter.Role == ParameterRole.Weight && DecoupledWeightDecay > 0f)
        {
            float keep = 1f - arguments.LearningRate * DecoupledWeightDecay;
            Span<float> w = arguments.Values;
            for (int i = 0; i < w.Length; i++) w[i] *= keep;
        }
        AdamUpdate(arguments);
    }
}
