// Pooling kernel behaviour the random op table cannot pin down: ties, padding, divisors.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;
using static Microsoft.ML.Cnn.Tests.TestSupport.InputSpec;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class PoolingKernelsTests
{
    private static float[] Run(Op op, InputSpec[] specs, params float[][] inputs)
    {
        using var backend = new ManagedBackend(threads: 2);
        return OpRunner.Evaluate(backend, op, specs, inputs)[0];
    }

    [TestMethod]
    public void MaxPool2DBackward_TiedWindow_GradientGoesToFirstPositionInRowMajorOrder()
    {
        var g = new Pool2DGeometry(2, 2, 2, 2, Padding2D.None);
        float[] dx = Run(new MaxPool2DBackward(g), [X(1, 1, 2, 2), X(1, 1, 1, 1), X(1, 1, 1, 1)], [3, 3, 3, 3], [3], [5]);
        CollectionAssert.AreEqual(new float[] { 5, 0, 0, 0 }, dx);
    }

    [TestMethod]
    public void MaxPool2DBackward_HalvingOddInputWithLateTies_FirstMaximumWinsAndLastRowIsSkipped()
    {
        var g = new Pool2DGeometry(2, 2, 2, 2, Padding2D.None);
        // [1, 1, 3, 3] pools to 1x1 from the top-left window; its maximum 3 appears at positions 1 and 3.
        float[] x = [1, 3, 9, 3, 2, 9, 9, 9, 9];
        float[] dx = Run(new MaxPool2DBackward(g), [X(1, 1, 3, 3), X(1, 1, 1, 1), X(1, 1, 1, 1)], x, [3], [5]);
        CollectionAssert.AreEqual(new float[] { 0, 5, 0, 0, 0, 0, 0, 0, 0 }, dx);
    }

    [TestMethod]
    public void MaxPool2D_HalvingOddInput_MatchesNaivePooling()
    {
        var g = new Pool2DGeometry(2, 2, 2, 2, Padding2D.None);
        var shape = new Shape(2, 3, 5, 7);
        var random = new Microsoft.ML.Cnn.Numerics.SeededRandom(4);
        var x = new float[shape.ElementCount];
        for (int i = 0; i < x.Length; i++) x[i] = MathF.Round(random.NextUniform(-2, 2)); // rounding makes ties common
        float[] y = Run(new MaxPool2D(g), [X(2, 3, 5, 7)], x);
        CollectionAssert.AreEqual(NaivePooling.MaxPool(g, shape, x), y);
    }

    [TestMethod]
    public void MaxPool2D_NegativeInputWithPadding_PaddedPositionsNeverWin()
    {
        var g = new Pool2DGeometry(3, 3, 1, 1, Padding2D.Symmetric(1, 1));
        float[] x = [-1, -9, -9, -9, -9, -9, -9, -9, -3]; // [1, 1, 3, 3], all negative: a zero pad would win everywhere
        float[] y = Run(new MaxPool2D(g), [X(1, 1, 3, 3)], x);
        CollectionAssert.AreEqual(new float[] { -1, -1, -9, -1, -1, -3, -9, -3, -3 }, y);
    }

    [TestMethod]
    [DataRow(true, 4f / 9f)]
    [DataRow(false, 1f)]
    public void AvgPool2D_CornerWindowOfOnes_DividesByChosenCount(bool countIncludesPadding, float corner)
    {
        var g = new Pool2DGeometry(3, 3, 1, 1, Padding2D.Symmetric(1, 1));
        float[] y = Run(new AvgPool2D(g, countIncludesPadding), [X(1, 1, 3, 3)], Enumerable.Repeat(1f, 9).ToArray());
        Assert.AreEqual(corner, y[0], 1e-6);
        Assert.AreEqual(1f, y[4], 1e-6, "the centre window sees no padding");
    }

    [TestMethod]
    public void GlobalAvgPoolBackward_SpreadsEvenly()
    {
        float[] dx = Run(new GlobalAvgPoolBackward(new Shape(1, 2, 2, 2)), [X(1, 2)], [4, 8]);
        CollectionAssert.AreEqual(new float[] { 1, 1, 1, 1, 2, 2, 2, 2 }, dx);
    }
}
