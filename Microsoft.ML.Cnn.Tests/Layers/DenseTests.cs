using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Initializers;
using Microsoft.ML.Cnn.Layers;
using static Microsoft.ML.Cnn.Tests.Layers.LayerTestHelpers;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class DenseTests
{
    [TestMethod]
    [DataRow(1600, 128, true, 204_928)]
    [DataRow(128, 10, true, 1_290)]
    [DataRow(128, 10, false, 1_280)]
    public void Build_ParameterCount_IsFeaturesTimesUnitsPlusBias(int features, int units, bool useBias, int expected)
    {
        var layer = new Dense(units, useBias: useBias);
        Assert.AreEqual(new Shape(Shape.Batch, units), OutputShape(layer, features));
        Assert.AreEqual(expected, ParameterCount(layer));
        Assert.AreEqual(new Shape(units, features), layer.Weight!.Shape);
    }

    [TestMethod]
    public void Call_UnflattenedInput_FailsNamingLayerAndSuggestingFlatten()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Apply(new Dense(10, name: "classifier"), 64, 5, 5));
        Assert.AreEqual("classifier", e.LayerName);
        StringAssert.Contains(e.Message, "'classifier'");
        StringAssert.Contains(e.Message, "Flatten");
    }

    [TestMethod]
    public void Forward_FusedSoftmax_EmitsSoftmaxAfterDense()
    {
        var ops = LayerOps(Apply(new Dense(3, Activation.Softmax), 4), NetworkMode.Inference);
        Assert.IsInstanceOfType<Cnn.Ops.Dense>(ops[0]);
        Assert.IsInstanceOfType<Cnn.Ops.Softmax>(ops[1]);
    }

    [TestMethod]
    public void Build_ReluAndLinear_ChooseHeAndGlorot()
    {
        var relu = new Dense(4, Activation.Relu);
        var linear = new Dense(4);
        Apply(relu, 3);
        Apply(linear, 3);
        Assert.IsInstanceOfType<HeNormal>(relu.Weight!.Initializer);
        Assert.IsInstanceOfType<GlorotUniform>(linear.Weight!.Initializer);
        Assert.AreEqual(3, linear.Weight.FanIn);
        Assert.AreEqual(4, linear.Weight.FanOut);
    }

    [TestMethod]
    public void Constructor_NonPositiveUnits_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Dense(0));
    }

    [TestMethod]
    public void Trainable_False_FreezesWeightAndBias()
    {
        var layer = new Dense(2) { Trainable = false };
        Apply(layer, 3);
        Assert.IsTrue(layer.Parameters.All(p => !p.RequiresGradient));
    }
}
