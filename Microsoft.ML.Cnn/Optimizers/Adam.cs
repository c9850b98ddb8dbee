// Adam (Kingma and Ba), PyTorch's formulation with bias correction (torch.optim.Adam, amsgrad off).
using System.Numerics;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Optimizers;

/// <summary>
/// Adam: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; w -= (lr / (1-b1^t)) m / (sqrt(v) / sqrt(1-b2^t) + eps).
/// </summary>
public class Adam : Optimizer
{
    /// <param name="learningRate">Base learning rate, e.g. 1e-3.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1).</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator for stability, &gt; 0.</param>
    public Adam(float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f) : base(learningRate, slotCount: 2)
    {
        if (!(beta1 is >= 0f and < 1f)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 must be in [0, 1), e.g. 0.9.");
        if (!(beta2 is >= 0f and < 1f)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "beta2 must be in [0, 1), e.g. 0.999.");
        if (!(epsilon > 0f) || float.IsInfinity(epsilon)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be a small number > 0, e.g. 1e-8.");
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    public float Beta1 { get; }

    public float Beta2 { get; }

    public float Epsilon { get; }

    public override string ToString() => $"Adam(lr={LearningRate}, beta1={Beta1}, beta2={Beta2}, eps={Epsilon})";

    protected override void UpdateStep(UpdateArguments arguments) => AdamUpdate(arguments);

    /// <summary>The Adam rule itself, shared with <see cref="AdamW"/>.</summary>
    protected void AdamUpdate(UpdateArguments arguments)
    {
        Span<float> w = arguments.Values, g = arguments.Gradients, m = arguments.Slots[0], v = arguments.Slots[1];
        float b1 = Beta1, b2 = Beta2, eps = Epsilon;
        // NOTE: bias corrections in double, as PyTorch computes them in Python floats.
        double correction1 = 1.0 - Math.Pow(b1, arguments.Step);
        double correction2 = 1.0 - Math.Pow(b2, arguments.Step);
        float stepSize = (float)(arguments.LearningRate / correction1);
        float sqrtCorrection2 = (float)Math.Sqrt(correction2);

        var wv = MemoryMarshal.Cast<float, Vector<float>>(w);
        var gv = MemoryMarshal.Cast<float, Vector<float>>(g);
        var mv = MemoryMarshal.Cast<float, Vector<float>>(m);
        var vv = MemoryMarshal.Cast<float, Vector<float>>(v);
        for (int i = 0; i < wv.Length; i++)
        {
            var grad = gv[i];
            var first = mv[i] * b1 + grad * (1f - b1);
            var second = vv[i] * b2 + grad * grad * (1f - b2);
            mv[i] = first;
            vv[i] = second;
            wv[i] -= first / (Vector.SquareRoot(second) / sqrtCorrection2 + new Vector<float>(eps)) * stepSize;
        }
        for (int i = wv.Length * Vector<float>.Count; i < w.Length; i++)
        {
            float grad = g[i];
            float first = m[i] * b1 + grad * (1f - b1);
            float second = v[i] * b2 + grad * grad * (1f - b2);
            m[i] = first;
            v[i] = second;
            w[i] -= first / (MathF.Sqrt(second) / sqrtCorrection2 + eps) * stepSize;
        }
    }
}
