// L2 pooling kernel behaviour the random op table cannot pin down: zero padding and the gradient of all-zero windows.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;
using static Microsoft.ML.Cnn.Tests.TestSupport.InputSpec;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class L2PoolKernelsTests
{
    private static float[] Run(Op op, InputSpec[] specs, params float[][] inputs)
    {
        using var backend = new ManagedBackend(threads: 2);
        return OpRunner.Evaluate(backend, op, specs, inputs)[0];
    }

    [TestMethod]
    public void L2Pool2D_OnesWithPadding_PaddingCountsAsZeros()
    {
        var g = new Pool2DGeometry(3, 3, 1, 1, Padding2D.Symmetric(1, 1));
        float[] y = Run(new L2Pool2D(g), [X(1, 1, 3, 3)], Enumerable.Repeat(1f, 9).ToArray());
        CollectionAssert.AreEqual(new[] { 2f, MathF.Sqrt(6), 2f, MathF.Sqrt(6), 3f, MathF.Sqrt(6), 2f, MathF.Sqrt(6), 2f }, y);
    }

    [TestMethod]
    public void L2Pool2D_NegativeValues_SquaresBeforeSumming()
    {
        float[] y = Run(new L2Pool2D(new Pool2DGeometry(2, 2, 2, 2, Padding2D.None)), [X(1, 1, 2, 2)], [-3, 0, 0, -4]);
        CollectionAssert.AreEqual(new[] { 5f }, y);
    }

    [TestMethod]
    public void L2Pool2DBackward_AllZeroWindow_ContributesZeroNotNaN()
    {
        // Two 2x2 windows: the left one all zeros (y = 0), the right one (3, 0, 0, 4) with y = 5.
        var g = new Pool2DGeometry(2, 2, 2, 2, Padding2D.None);
        float[] x = [0, 0, 3, 0, 0, 0, 0, 4];
        float[] dx = Run(new L2Pool2DBackward(g), [X(1, 1, 2, 4), X(1, 1, 1, 2), X(1, 1, 1, 2)], x, [0, 5], [7, 10]);
        CollectionAssert.AreEqual(new float[] { 0, 0, 6, 0, 0, 0, 0, 8 }, dx); // x * dy / y = x * 2 on the right
    }

    [TestMethod]
    public void L2Pool2DBackward_OverlappingWindows_SumsEveryWindowsShare()
    {
        // 1x3 input, 1x2 windows at stride 1: the middle value sits in both.
        var g = new Pool2DGeometry(1, 2, 1, 1, Padding2D.None);
        float[] x = [3, 4, 0];
        float[] dx = Run(new L2Pool2DBackward(g), [X(1, 1, 1, 3), X(1, 1, 1, 2), X(1, 1, 1, 2)], x, [5, 4], [10, 8]);
        CollectionAssert.AreEqual(new float[] { 6, 8 + 8, 0 }, dx);
    }
}
