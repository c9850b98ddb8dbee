// RMSprop (Hinton), PyTorch's formulation (torch.optim.RMSprop, not centered): epsilon outside the square root.
using System.Numerics;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Optimizers;

/// <summary>
/// RMSprop: v = rho v + (1-rho) g^2; d = g / (sqrt(v) + eps); with momentum m: b = m b + d, w -= lr b; else w -= lr d.
/// <c>rho</c> is PyTorch's <c>alpha</c> (Keras calls it rho).
/// </summary>
public sealed class RmsProp : Optimizer
{
    /// <param name="learningRate">Base learning rate, e.g. 1e-3.</param>
    /// <param name="rho">Decay of the squared-gradient average, in [0, 1) (PyTorch's alpha, default 0.99).</param>
    /// <param name="epsilon">Added to the root for stability, &gt; 0.</param>
    /// <param name="momentum">Momentum in [0, 1); 0 disables it.</param>
    public RmsProp(float learningRate = 1e-3f, float rho = 0.99f, float epsilon = 1e-8f, float momentum = 0f) : base(learningRate, slotCount: 2)
    {
        if (!(rho is >= 0f and < 1f)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "rho must be in [0, 1), e.g. 0.99.");
        if (!(epsilon > 0f) || float.IsInfinity(epsilon)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be a small number > 0, e.g. 1e-8.");
        if (!(momentum is >= 0f and < 1f)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be in [0, 1), e.g. 0.9.");
        Rho = rho;
        Epsilon = epsilon;
        Momentum = momentum;
    }

    public float Rho { get; }

    public float Epsilon { get; }

    public float Momentum { get; }

    public override string ToString() => $"RMSprop(lr={LearningRate}, rho={Rho}, eps={Epsilon}, momentum={Momentum})";

    protected override void UpdateStep(UpdateArguments arguments)
    {
        Span<float> w = arguments.Values, g = arguments.Gradients, v = arguments.Slots[0], b = arguments.Slots[1];
        float lr = arguments.LearningRate, rho = Rho, eps = Epsilon, m = Momentum;
        var wv = MemoryMarshal.Cast<float, Vector<float>>(w);
        var gv = MemoryMarshal.Cast<float, Vector<float>>(g);
        var vv = MemoryMarshal.Cast<float, Vector<float>>(v);
        var bv = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (int i = 0; i < wv.Length; i++)
        {
            var grad = gv[i];
            var square = vv[i] * rho + grad * grad * (1f - rho);
            vv[i] = square;
            var direction = grad / (Vector.SquareRoot(square) + new Vector<float>(eps));
            if (m > 0f) direction = bv[i] = bv[i] * m + direction;
            wv[i] -= direction * lr;
        }
        for (int i = wv.Length * Vector<float>.Count; i < w.Length; i++)
        {
            float grad = g[i];
            float square = v[i] * rho + grad * grad * (1f - rho);
            v[i] = square;
            float direction = grad / (MathF.Sqrt(square) + eps);
            if (m > 0f) direction = b[i] = b[i] * m + direction;
            w[i] -= direction * lr;
        }
    }
}
