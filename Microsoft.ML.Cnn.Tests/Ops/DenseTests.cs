// Shape rules of Dense.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Ops;

[TestClass]
public sealed class DenseTests
{
    [TestMethod]
    public void InferShapes_FlatInput_GivesBatchByUnits() =>
        Assert.AreEqual(Shape.Batched(10), Shapes.InferOne(new Dense(true), Shape.Batched(1960), new Shape(10, 1960), new Shape(10)));

    [TestMethod]
    public void InferShapes_UnflattenedInput_ThrowsSuggestingFlatten()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Shapes.Infer(new Dense(false), Shape.Batched(40, 7, 7), new Shape(10, 1960)));
        StringAssert.Contains(e.Message, "add a Flatten layer");
    }

    [TestMethod]
    public void InferShapes_FeatureMismatch_Throws()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Shapes.Infer(new Dense(false), Shape.Batched(20), new Shape(10, 30)));
        StringAssert.Contains(e.Message, "expects 30 input features, the input has 20");
    }
}
