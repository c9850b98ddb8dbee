// Shape rules of Add, Concat, SliceAxis1 and Reshape.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Ops;

[TestClass]
public sealed class StructureTests
{
    [TestMethod]
    public void InferShapes_AddChannelMismatch_ThrowsSuggestingProjection()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Shapes.Infer(new Add(), Shape.Batched(64, 8, 8), Shape.Batched(32, 8, 8)));
        StringAssert.Contains(e.Message, "channels 64 vs 32");
        StringAssert.Contains(e.Message, "1x1 convolution");
    }

    [TestMethod]
    public void InferShapes_ConcatImages_SumsChannels() =>
        Assert.AreEqual(Shape.Batched(7, 4, 4), Shapes.InferOne(new Concat(), Shape.Batched(3, 4, 4), Shape.Batched(4, 4, 4)));

    [TestMethod]
    public void InferShapes_ConcatSpatialMismatch_Throws() =>
        Assert.ThrowsExactly<ShapeInferenceException>(() => Shapes.Infer(new Concat(), Shape.Batched(3, 4, 4), Shape.Batched(3, 5, 4)));

    [TestMethod]
    public void InferShapes_SliceOutsideAxis_Throws() =>
        Assert.ThrowsExactly<ShapeInferenceException>(() => Shapes.Infer(new SliceAxis1(2, 3), Shape.Batched(4, 2, 2)));

    [TestMethod]
    public void InferShapes_FlattenReshape_KeepsBatch() =>
        Assert.AreEqual(Shape.Batched(1960), Shapes.InferOne(new Reshape(Shape.Batched(1960)), Shape.Batched(40, 7, 7)));

    [TestMethod]
    public void InferShapes_ReshapeSizeMismatch_ThrowsWithBothSizes()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Shapes.Infer(new Reshape(Shape.Batched(100)), Shape.Batched(3, 4, 4)));
        StringAssert.Contains(e.Message, "48 values per sample");
        StringAssert.Contains(e.Message, "100 values per sample");
    }
}
