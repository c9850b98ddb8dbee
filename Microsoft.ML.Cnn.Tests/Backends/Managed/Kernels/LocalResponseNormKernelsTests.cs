// Local response normalization kernel behaviour pinned by hand: where the channel window sits for even sizes, and
// windows clipped at the first and last channels.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;
using static Microsoft.ML.Cnn.Tests.TestSupport.InputSpec;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class LocalResponseNormKernelsTests
{
    private static float[] Run(Op op, InputSpec[] specs, params float[][] inputs)
    {
        using var backend = new ManagedBackend(threads: 2);
        return OpRunner.Evaluate(backend, op, specs, inputs)[0];
    }

    [TestMethod]
    public void LocalResponseNorm_EvenSize_WindowTakesTheChannelBefore()
    {
        // Size 2, alpha 2 (alpha/size = 1), beta 1, k 1: y_c = x_c / (1 + x_{c-1}^2 + x_c^2), as PyTorch pads 1 channel before.
        float[] y = Run(new LocalResponseNorm(2, 2f, 1f, 1f), [X(1, 4, 1, 1)], [1, 2, 3, 4]);
        float[] expected = [1f / 2, 2f / 6, 3f / 14, 4f / 26];
        for (int c = 0; c < 4; c++) Assert.AreEqual(expected[c], y[c], 1e-6f, $"channel {c}");
    }

    [TestMethod]
    public void LocalResponseNorm_OddSize_CentredWindowClippedAtTheEdges()
    {
        // Size 3, alpha 3 (alpha/size = 1), beta 0.5, k 1, two positions per channel (the second doubles the first).
        float[] x = [1, 2, 2, 4, 2, 4];
        float[] y = Run(new LocalResponseNorm(3, 3f, 0.5f, 1f), [X(1, 3, 1, 2)], x);
        float[] squares = [1 + 4, 4 * (1 + 4), 1 + 4 + 4, 4 * (1 + 4 + 4), 4 + 4, 4 * (4 + 4)];
        for (int i = 0; i < x.Length; i++) Assert.AreEqual(x[i] / MathF.Sqrt(1 + squares[i]), y[i], 1e-6f, $"element {i}");
    }

    [TestMethod]
    public void LocalResponseNormBackward_ZeroAlpha_PassesTheScaledGradient()
    {
        // With alpha 0 the op is y = x k^-beta: dx = dy k^-beta whatever x is.
        var op = new LocalResponseNorm(5, 0f, 0.75f, 16f);
        float[] dx = Run(new LocalResponseNormBackward(op), [X(1, 3, 1, 1), X(1, 3, 1, 1), X(1, 3, 1, 1)], [1, -2, 3], [0.125f, -0.25f, 0.375f], [8, 16, -24]);
        CollectionAssert.AreEqual(new float[] { 1, 2, -3 }, dx);
    }
}
