// Eltwise kernel behaviour at the kinks the gradient check steps around.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;
using static Microsoft.ML.Cnn.Tests.TestSupport.InputSpec;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class EltwiseKernelsTests
{
    [TestMethod]
    [DataRow(EltwiseFunction.Relu, 0f)]
    [DataRow(EltwiseFunction.LeakyRelu, 0.5f)]
    public void EltwiseBackward_AtExactlyZero_UsesTheNegativeSlope(EltwiseFunction function, float slopeAtZero)
    {
        using var backend = new ManagedBackend(threads: 1);
        float[] x = [0f, 2f, -2f];
        float[] y = OpRunner.Evaluate(backend, new Eltwise(function, 0.5f), [X(3)], [x])[0];
        float[] dx = OpRunner.Evaluate(backend, new EltwiseBackward(function, 0.5f), [X(3), X(3), X(3)], [x, y, [4f, 4f, 4f]])[0];
        CollectionAssert.AreEqual(new[] { 4f * slopeAtZero, 4f, 4f * (function == EltwiseFunction.Relu ? 0f : 0.5f) }, dx);
    }

    [TestMethod]
    public void Eltwise_SigmoidOfLargeMagnitudes_SaturatesWithoutNaN()
    {
        using var backend = new ManagedBackend(threads: 1);
        float[] y = OpRunner.Evaluate(backend, new Eltwise(EltwiseFunction.Sigmoid), [X(2)], [[-1000f, 1000f]])[0];
        CollectionAssert.AreEqual(new[] { 0f, 1f }, y);
    }
}
