using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using static Microsoft.ML.Cnn.Tests.Layers.LayerTestHelpers;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class FlattenTests
{
    [TestMethod]
    public void Call_Image_GivesFeatures()
    {
        Assert.AreEqual(new Shape(Shape.Batch, 1600), OutputShape(new Flatten(), 64, 5, 5));
    }

    [TestMethod]
    public void Call_AlreadyFlat_KeepsShape()
    {
        Assert.AreEqual(new Shape(Shape.Batch, 7), OutputShape(new Flatten(), 7));
    }
}

[TestClass]
public sealed class ReshapeTests
{
    [TestMethod]
    public void Call_FlatPixels_GivesImage()
    {
        Assert.AreEqual(new Shape(Shape.Batch, 1, 28, 28), OutputShape(new Reshape(1, 28, 28), 784));
    }

    [TestMethod]
    public void Call_CountMismatch_FailsNamingLayer()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Apply(new Reshape([3, 3], "r"), 10));
        Assert.AreEqual("r", e.LayerName);
        StringAssert.Contains(e.Message, "cannot reshape");
    }

    [TestMethod]
    public void Constructor_NonPositiveDimension_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new Reshape(0, 4));
        Assert.ThrowsExactly<ArgumentException>(() => new Reshape());
    }
}
