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
