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
    [DataRow(EltwiseFunction.Relu, 0f)]
    [DataRow(EltwiseFunction.LeakyRelu, 0.25f)]
    public void EltwiseBackward_LengthPastWholeVectors_MatchesScalarRule(EltwiseFunction function, float slope)
    {
        // 37 elements: whole SIMD vectors plus a scalar tail; an infinite dy under ReLU's flat side still gives 0.
        using var backend = new ManagedBackend(threads: 1);
        var x = new float[37];
        var dy = new float[37];
        for (int i = 0; i < x.Length; i++) (x[i], dy[i]) = (i % 3 - 1, i + 1);
        dy[0] = float.PositiveInfinity; // x[0] = -1
        float[] dx = OpRunner.Evaluate(backend, new EltwiseBackward(function, slope), [X(37), X(37), X(37)], [x, x, dy])[0];
        for (int i = 0; i < x.Length; i++)
            Assert.AreEqual(x[i] > 0 ? dy[i] : function == EltwiseFunction.Relu ? 0f : slope * dy[i], dx[i], $"element {i}");
    }

    [TestMethod]
    public void Eltwise_SigmoidOfLargeMagnitudes_SaturatesWithoutNaN()
    {
        using var backend = new ManagedBackend(threads: 1);
        float[] y = OpRunner.Evaluate(backend, new Eltwise(EltwiseFunction.Sigmoid), [X(2)], [[-1000f, 1000f]])[0];
        CollectionAssert.AreEqual(new[] { 0f, 1f }, y);
    }
}
