using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class SmallVggTests
{
    [TestMethod]
    public void Create_ThreeBlocks_SixConvsThreePools()
    {
        var network = SmallVgg.Create([1, 28, 28], 10);
        Assert.AreEqual(6, network.Layers.OfType<Conv2D>().Count());
        Assert.AreEqual(3, network.Layers.OfType<MaxPool2D>().Count());
        Assert.AreEqual(new Shape(Shape.Batch, 1152), network.Applications.Single(a => a.Layer is Flatten).Shape);
    }

    [TestMethod]
    public void Create_TooManyBlocksForInput_FailsNamingLayer()
    {
        Assert.ThrowsExactly<ShapeInferenceException>(() => SmallVgg.Create([1, 8, 8], 10, [8, 8, 8, 8]));
    }
}
