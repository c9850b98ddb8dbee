using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using static Microsoft.ML.Cnn.Tests.Layers.LayerTestHelpers;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class DepthwiseConv2DTests
{
    [TestMethod]
    [DataRow(1, 8)]
    [DataRow(2, 16)]
    public void Call_DepthMultiplier_OutputChannelsAndGroups(int multiplier, int expectedChannels)
    {
        var layer = new DepthwiseConv2D(3, padding: Padding.Same, depthMultiplier: multiplier);
        var network = Apply(layer, 8, 6, 6);
        Assert.AreEqual(new Shape(Shape.Batch, expectedChannels, 6, 6), network.Outputs[0].Shape);
        Assert.AreEqual(new Shape(expectedChannels, 1, 3, 3), layer.Weight!.Shape);
        Assert.AreEqual(9 * expectedChannels + expectedChannels, ParameterCount(layer));
        Assert.AreEqual(8, LayerOps(network, NetworkMode.Inference).OfType<Cnn.Ops.Conv2D>().Single().Geometry.Groups);
    }

    [TestMethod]
    public void Call_Stride2_HalvesSize()
    {
        Assert.AreEqual(new Shape(Shape.Batch, 4, 4, 4), OutputShape(new DepthwiseConv2D(3, stride: 2, padding: Padding.Same), 4, 7, 7));
    }

    [TestMethod]
    public void Constructor_NonPositiveMultiplier_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new DepthwiseConv2D(3, depthMultiplier: 0));
    }
}
