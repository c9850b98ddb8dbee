using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using static Microsoft.ML.Cnn.Tests.Layers.LayerTestHelpers;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class AddTests
{
    [TestMethod]
    public void Call_ThreeInputs_ChainOfTwoAddOps()
    {
        var input = Network.Input(4, 3, 3);
        var a = new ReLU().Call(input);
        var b = new Sigmoid().Call(input);
        var sum = new Add().Call(input, a, b);
        var network = new Network(input, sum);
        Assert.AreEqual(input.Shape, sum.Shape);
        Assert.AreEqual(2, LayerOps(network, NetworkMode.Inference).OfType<Cnn.Ops.Add>().Count());
    }

    [TestMethod]
    public void Call_ChannelMismatch_FailsNamingLayer()
    {
        var input = Network.Input(4, 3, 3);
        var wide = new Conv2D(8, 1).Call(input);
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => new Add("residual").Call(input, wide));
        Assert.AreEqual("residual", e.LayerName);
        StringAssert.Contains(e.Message, "channels 4 vs 8");
    }

    [TestMethod]
    public void Call_OneInput_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new Add().Call(Network.Input(4)));
    }
}

[TestClass]
public sealed class ConcatTests
{
    [TestMethod]
    public void Call_Images_JoinsChannels()
    {
        var input = Network.Input(4, 5, 5);
        var a = new Conv2D(3, 1).Call(input);
        var joined = new Concat().Call(input, a);
        Assert.AreEqual(new Shape(Shape.Batch, 7, 5, 5), joined.Shape);
    }

    [TestMethod]
    public void Call_SpatialMismatch_FailsNamingLayer()
    {
        var input = Network.Input(4, 5, 5);
        var smaller = new MaxPool2D(2).Call(input);
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => new Concat("join").Call(input, smaller));
        Assert.AreEqual("join", e.LayerName);
    }
}
