using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class SmallMobileNetTests
{
    [TestMethod]
    public void Create_DepthwiseSeparableBlocks()
    {
        var network = SmallMobileNet.Create([1, 28, 28], 10);
        Assert.AreEqual(4, network.Layers.OfType<DepthwiseConv2D>().Count());
        Assert.AreEqual(new Shape(Shape.Batch, 256, 7, 7), network.Applications.Single(a => a.Layer is GlobalAveragePool2D).Inputs[0].Shape);
        var depthwise = network.Layers.OfType<DepthwiseConv2D>().First();
        Assert.AreEqual(new Shape(32, 1, 3, 3), depthwise.Weight!.Shape);
    }
}
