// Stochastic gradient descent with optional (Nesterov) momentum, PyTorch's formulation (torch.optim.SGD, dampening 0).
using System.Numerics;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Optimizers;

/// <summary>
/// SGD. Without momentum: w -= lr g. With momentum m: b = m b + g (b starts at 0, so b = g after the first step);
/// w -= lr b, or with Nesterov w -= lr (g + m b).
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <param name="learningRate">Base learning rate, e.g. 0.01.</param>
    /// <param name="momentum">Momentum factor in [0, 1), e.g. 0.9; 0 disables momentum.</param>
    /// <param name="nesterov">Use Nesterov momentum (needs momentum &gt; 0).</param>
    public Sgd(float learningRate = 0.01f, float momentum = 0f, bool nesterov = false) : base(learningRate, slotCount: momentum > 0f ? 1 : 0)
    {
        if (!(momentum is >= 0f and < 1f)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be in [0, 1), e.g. 0.9.");
        if (nesterov && momentum == 0f) throw new ArgumentException("Nesterov momentum needs a momentum > 0, e.g. momentum: 0.9.", nameof(nesterov));
        Momentum = momentum;
        Nesterov = nesterov;
    }

    public float Momentum { get; }

    public bool Nesterov { get; }

    public override string ToString() => $"SGD(lr={LearningRate}, momentum={Momentum}{(Nesterov ? ", nesterov" : "")})";

    protected override void UpdateStep(UpdateArguments arguments)
    {
        Span<float> w = arguments.Values, g = arguments.Gradients;
        float lr = arguments.LearningRate, m = Momentum;
        if (m == 0f)
        {
            for (int i = 0; i < w.Length; i++) w[i] -= lr * g[i];
            return;
        }
        Span<float> b = arguments.Slots[0];
        var wv = MemoryMarshal.Cast<float, Vector<float>>(w);
        var gv = MemoryMarshal.Cast<float, Vector<float>>(g);
        var bv = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (int i = 0; i < wv.Length; i++)
        {
            var buffer = bv[i] * m + gv[i];
            bv[i] = buffer;
            wv[i] -= (Nesterov ? gv[i] + buffer * m : buffer) * lr;
        }
        for (int i = wv.Length * Vector<float>.Count; i < w.Length; i++)
        {
            float buffer = b[i] * m + g[i];
            b[i] = buffer;
            w[i] -= (Nesterov ? g[i] + buffer * m : buffer) * lr;
        }
    }
}
