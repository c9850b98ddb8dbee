// Softmax stays finite for logits whose exponentials overflow float.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class SoftmaxKernelsTests
{
    [TestMethod]
    public void Softmax_HugeLogits_IsFiniteAndSumsToOne()
    {
        using var backend = new ManagedBackend(threads: 1);
        float[] y = OpRunner.Evaluate(backend, new Softmax(), [InputSpec.X(1, 3)], [[1000f, -1000f, 999f]])[0];
        Assert.AreEqual(1f / (1f + MathF.Exp(-1f)), y[0], 1e-6);
        Assert.AreEqual(0f, y[1]);
        Assert.AreEqual(1f, y.Sum(), 1e-6);
    }
}
