using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Padding2D = Microsoft.ML.Cnn.Ops.Padding2D;
using static Microsoft.ML.Cnn.Tests.Layers.LayerTestHelpers;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class MaxPool2DTests
{
    [TestMethod]
    [DataRow(26, 2, null, PaddingMode.Valid, 13)]
    [DataRow(11, 2, null, PaddingMode.Valid, 5)]
    [DataRow(11, 2, null, PaddingMode.Same, 6)]
    [DataRow(10, 3, 2, PaddingMode.Valid, 4)]
    [DataRow(10, 3, 1, PaddingMode.Same, 10)]
    public void Call_PoolStridePadding_OutputSize(int size, int pool, int? stride, PaddingMode mode, int expected)
    {
        var layer = new MaxPool2D(pool, stride, mode == PaddingMode.Same ? Padding.Same : Padding.Valid);
        Assert.AreEqual(new Shape(Shape.Batch, 3, expected, expected), OutputShape(layer, 3, size, size));
        Assert.IsEmpty(layer.Parameters);
    }

    // Expected sizes are PyTorch 1.13's max_pool2d(ceil_mode=True) on an n x n input (ceil_mode=False in the comment).
    [TestMethod]
    [DataRow(112, 3, 2, 0, 56)] // 55: GoogLeNet's first pooling
    [DataRow(56, 3, 2, 0, 28)]  // 27
    [DataRow(28, 3, 2, 0, 14)]  // 13
    [DataRow(14, 3, 2, 0, 7)]   // 6
    [DataRow(55, 3, 2, 0, 27)]  // 27: floor and ceiling agree
    [DataRow(13, 3, 2, 0, 6)]   // 6
    [DataRow(7, 3, 1, 1, 7)]    // 7: stride 1, pad 1 (GoogLeNet's branch pooling)
    [DataRow(8, 3, 1, 1, 8)]    // 8
    [DataRow(5, 2, 2, 0, 3)]    // 2
    [DataRow(6, 2, 3, 0, 2)]    // 2: stride > window
    [DataRow(6, 3, 3, 1, 3)]    // 2
    [DataRow(10, 3, 2, 1, 6)]   // 5
    [DataRow(9, 3, 2, 1, 5)]    // 5
    [DataRow(4, 2, 3, 1, 2)]    // 2: ceil gives 3, but the third window would start in the padding, so PyTorch drops it
    [DataRow(7, 2, 2, 1, 4)]    // 4
    [DataRow(2, 3, 2, 0, 1)]    // none: a window wider than the input still counts when it starts inside it (GoogLeNet's maxpool3 at 15x15)
    [DataRow(1, 2, 2, 0, 1)]    // none (GoogLeNet's maxpool4 at 15x15)
    public void Call_CeilMode_OutputSizeOfPyTorch(int size, int pool, int stride, int pad, int expected)
    {
        var layer = new MaxPool2D(pool, stride, Padding.Explicit(pad), ceilMode: true);
        Assert.AreEqual(new Shape(Shape.Batch, 2, expected, expected), OutputShape(layer, 2, size, size));
    }

    [TestMethod]
    public void Forward_CeilMode_ExtraBottomRightPaddingReachesOp()
    {
        var network = Apply(new MaxPool2D((3, 3), (2, 2), Padding.Explicit(1, 1, 0, 0), ceilMode: true), 1, 10, 112);
        var op = LayerOps(network, NetworkMode.Inference).OfType<Cnn.Ops.MaxPool2D>().Single();
        Assert.AreEqual(new Padding2D(1, 2, 0, 1), op.Geometry.Padding); // height 10 + 1 + 1: 5 -> 6 rows; width 112: 55 -> 56
        Assert.AreEqual(new Shape(Shape.Batch, 1, 6, 56), network.Outputs[0].Shape);
    }

    [TestMethod]
    public void Forward_CeilModeWithoutPartialWindow_PaddingUnchanged()
    {
        var network = Apply(new MaxPool2D(2, ceilMode: true), 1, 8, 8);
        Assert.AreEqual(Padding2D.None, LayerOps(network, NetworkMode.Inference).OfType<Cnn.Ops.MaxPool2D>().Single().Geometry.Padding);
    }

    [TestMethod]
    public void Predict_CeilMode_PartialWindowsTakeTheirMaximum()
    {
        // 1..25 in a 5x5 plane, 2x2 windows at stride 2: the third row and column of windows hold one row or column.
        var network = Network.Sequential([1, 5, 5], [new MaxPool2D(2, ceilMode: true)]);
        using var predictor = new Cnn.Training.Predictor(network);
        float[] y = predictor.Predict([.. Enumerable.Range(1, 25).Select(v => (float)v)], 1);
        CollectionAssert.AreEqual(new float[] { 7, 9, 10, 17, 19, 20, 22, 24, 25 }, y);
    }

    [TestMethod]
    public void ToString_CeilMode_SaysSo()
    {
        Assert.AreEqual("pool (MaxPool2D, ceil mode)", new MaxPool2D(3, 2, ceilMode: true, name: "pool").ToString());
        Assert.AreEqual("pool (MaxPool2D)", new MaxPool2D(3, 2, name: "pool").ToString());
        Assert.IsFalse(new MaxPool2D(2).CeilMode);
    }

    [TestMethod]
    public void Constructor_StrideDefaultsToPool()
    {
        Assert.AreEqual((3, 3), new MaxPool2D(3).Stride);
        Assert.AreEqual((2, 4), new MaxPool2D((2, 4)).Stride);
    }

    [TestMethod]
    public void Call_WindowLargerThanInput_FailsNamingLayer()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Apply(new MaxPool2D(4, name: "pool"), 1, 3, 3));
        Assert.AreEqual("pool", e.LayerName);
    }

    [TestMethod]
    public void Constructor_NonPositivePool_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MaxPool2D(0));
    }
}

[TestClass]
public sealed class AvgPool2DTests
{
    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void Forward_CountIncludesPadding_ReachesOp(bool countIncludesPadding)
    {
        var network = Apply(new AvgPool2D(3, 1, Padding.Same, countIncludesPadding), 2, 5, 5);
        var op = LayerOps(network, NetworkMode.Inference).OfType<Cnn.Ops.AvgPool2D>().Single();
        Assert.AreEqual(countIncludesPadding, op.CountIncludesPadding);
        Assert.AreEqual(new Padding2D(1, 1, 1, 1), op.Geometry.Padding);
        Assert.AreEqual(new Shape(Shape.Batch, 2, 5, 5), network.Outputs[0].Shape);
    }

    [TestMethod]
    public void Call_Pool2_HalvesSize()
    {
        Assert.AreEqual(new Shape(Shape.Batch, 6, 14, 14), OutputShape(new AvgPool2D(2), 6, 28, 28));
    }
}

[TestClass]
public sealed class GlobalAveragePool2DTests
{
    [TestMethod]
    public void Call_Image_GivesOneValuePerChannel()
    {
        Assert.AreEqual(new Shape(Shape.Batch, 64), OutputShape(new GlobalAveragePool2D(), 64, 7, 7));
    }

    [TestMethod]
    public void Call_FlatInput_FailsNamingLayer()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Apply(new GlobalAveragePool2D("gap"), 10));
        Assert.AreEqual("gap", e.LayerName);
    }
}

[TestClass]
public sealed class L2Pool2DTests
{
    [TestMethod]
    [DataRow(28, 2, null, PaddingMode.Valid, 14)]
    [DataRow(7, 3, 2, PaddingMode.Valid, 3)]
    [DataRow(7, 3, 2, PaddingMode.Same, 4)]
    public void Call_PoolStridePadding_OutputSize(int size, int pool, int? stride, PaddingMode mode, int expected)
    {
        var layer = new L2Pool2D(pool, stride, mode == PaddingMode.Same ? Padding.Same : Padding.Valid);
        Assert.AreEqual(new Shape(Shape.Batch, 4, expected, expected), OutputShape(layer, 4, size, size));
        Assert.IsEmpty(layer.Parameters);
    }

    [TestMethod]
    public void Forward_ExplicitPadding_EmitsL2PoolOp()
    {
        var network = Apply(new L2Pool2D((3, 2), (1, 2), Padding.Explicit(1, 0, 0, 1)), 2, 5, 6);
        var op = LayerOps(network, NetworkMode.Inference).OfType<Cnn.Ops.L2Pool2D>().Single();
        Assert.AreEqual(new Cnn.Ops.Pool2DGeometry(3, 2, 1, 2, new Padding2D(1, 0, 0, 1)), op.Geometry);
    }

    [TestMethod]
    public void Predict_TwoByTwo_SquareRootOfSumOfSquares()
    {
        using var predictor = new Cnn.Training.Predictor(Network.Sequential([1, 2, 4], [new L2Pool2D(2)]));
        CollectionAssert.AreEqual(new float[] { 5, 13 }, predictor.Predict([3, 0, 5, 12, 0, 4, 0, 0], 1));
    }

    [TestMethod]
    public void Call_WindowLargerThanInput_FailsNamingLayer()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Apply(new L2Pool2D(4, name: "l2"), 1, 3, 3));
        Assert.AreEqual("l2", e.LayerName);
    }

    [TestMethod]
    public void Constructor_StrideDefaultsToPool() => Assert.AreEqual((3, 3), new L2Pool2D(3).Stride);
}
