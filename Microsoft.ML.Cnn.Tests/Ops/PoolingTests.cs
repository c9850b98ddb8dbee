// Shape rules of the pooling ops.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Ops;

[TestClass]
public sealed class PoolingTests
{
    [TestMethod]
    [DataRow(28, 2, 2, 0, 14)]
    [DataRow(55, 3, 2, 0, 27)]
    [DataRow(7, 3, 2, 1, 4)]
    [DataRow(8, 3, 2, 0, 3)]
    public void InferShapes_MaxPool_FollowsOutputSizeFormula(int size, int kernel, int stride, int pad, int expected)
    {
        var op = new MaxPool2D(new Pool2DGeometry(kernel, kernel, stride, stride, Padding2D.Symmetric(pad, pad)));
        Assert.AreEqual(Shape.Batched(16, expected, expected), Shapes.InferOne(op, Shape.Batched(16, size, size)));
    }

    [TestMethod]
    public void InferShapes_AsymmetricPadding_CountsEachSide()
    {
        // height: floor((5 + 1 + 0 - 3)/1) + 1 = 4; width: floor((6 + 0 + 2 - 3)/1) + 1 = 6
        var op = new AvgPool2D(new Pool2DGeometry(3, 3, 1, 1, new Padding2D(1, 0, 0, 2)), false);
        Assert.AreEqual(new Shape(1, 2, 4, 6), Shapes.InferOne(op, new Shape(1, 2, 5, 6)));
    }

    [TestMethod]
    public void InferShapes_PaddingAsLargeAsWindow_Throws()
    {
        var op = new MaxPool2D(new Pool2DGeometry(2, 2, 2, 2, Padding2D.Symmetric(2, 0)));
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Shapes.Infer(op, Shape.Batched(1, 6, 6)));
        StringAssert.Contains(e.Message, "must be smaller than the 2x2 window");
    }

    [TestMethod]
    public void InferShapes_GlobalAvgPool_GivesBatchByChannels() =>
        Assert.AreEqual(Shape.Batched(512), Shapes.InferOne(new GlobalAvgPool(), Shape.Batched(512, 7, 7)));

    [TestMethod]
    public void InferShapes_PoolingFlatInput_Throws() =>
        Assert.ThrowsExactly<ShapeInferenceException>(() => Shapes.Infer(new MaxPool2D(new Pool2DGeometry(2, 2, 2, 2, Padding2D.None)), Shape.Batched(10)));
}
