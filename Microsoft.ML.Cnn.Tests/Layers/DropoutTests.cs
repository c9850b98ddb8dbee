using Microsoft.ML.Cnn.Layers;
using static Microsoft.ML.Cnn.Tests.Layers.LayerTestHelpers;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class DropoutTests
{
    [TestMethod]
    public void BuildGraph_Inference_HasNoDropoutOp()
    {
        var network = Apply(new Dropout(0.5f), 8);
        Assert.IsEmpty(LayerOps(network, NetworkMode.Inference));
        var graph = network.BuildGraph(NetworkMode.Inference);
        Assert.AreSame(graph.Inputs[0], graph.Outputs[0]);
    }

    [TestMethod]
    public void BuildGraph_Training_EmitsDropoutWithRateAndSeed()
    {
        var network = Apply(new Dropout(0.25f, seed: 7), 8);
        Assert.AreEqual(new Cnn.Ops.Dropout(0.25f, 7), LayerOps(network, NetworkMode.Training).Single());
    }

    [TestMethod]
    public void EffectiveSeed_NoSeed_StableFunctionOfName()
    {
        var a = new Dropout(0.5f, name: "drop");
        var b = new Dropout(0.5f, name: "drop");
        var c = new Dropout(0.5f, name: "other");
        Assert.AreEqual(a.EffectiveSeed, b.EffectiveSeed);
        Assert.AreNotEqual(a.EffectiveSeed, c.EffectiveSeed);
        Assert.AreEqual(-5L, new Dropout(0.5f, -5).EffectiveSeed);
    }

    [TestMethod]
    [DataRow(-0.1f)]
    [DataRow(1f)]
    [DataRow(float.NaN)]
    public void Constructor_RateOutsideRange_Throws(float rate)
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Dropout(rate));
    }
}
