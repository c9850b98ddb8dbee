using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Tests.Graph;

[TestClass]
public sealed class ShapeTests
{
    [TestMethod]
    public void ElementCount_ConcreteShape_MultipliesDimensions() =>
        Assert.AreEqual(2 * 3 * 4, new Shape(2, 3, 4).ElementCount);

    [TestMethod]
    public void ElementCount_SymbolicBatch_Throws() =>
        Assert.ThrowsExactly<InvalidOperationException>(() => _ = Shape.Batched(3, 4).ElementCount);

    [TestMethod]
    public void WithBatch_SymbolicBatch_BindsLeadingDimension() =>
        Assert.AreEqual(new Shape(8, 1, 28, 28), Shape.Batched(1, 28, 28).WithBatch(8));

    [TestMethod]
    public void WithBatch_ParameterShape_Unchanged() =>
        Assert.AreEqual(new Shape(32, 1, 3, 3), new Shape(32, 1, 3, 3).WithBatch(8));

    [TestMethod]
    public void Equals_SameDimensions_EqualAndSameHash()
    {
        Assert.AreEqual(new Shape(1, 2), new Shape(1, 2));
        Assert.AreEqual(new Shape(1, 2).GetHashCode(), new Shape(1, 2).GetHashCode());
        Assert.AreNotEqual(new Shape(1, 2), new Shape(2, 1));
        Assert.AreEqual(Shape.Scalar, new Shape());
    }

    [TestMethod]
    public void ToString_SymbolicBatch_PrintsN() =>
        Assert.AreEqual("(N, 32, 26, 26)", Shape.Batched(32, 26, 26).ToString());

    [TestMethod]
    public void Constructor_NegativeDimension_ThrowsNamingShape()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => new Shape(3, -2));
        StringAssert.Contains(e.Message, "-2");
    }

    [TestMethod]
    public void SampleShape_BatchedShape_DropsLeadingDimension() =>
        Assert.AreEqual(new Shape(1, 28, 28), Shape.Batched(1, 28, 28).SampleShape);
}
