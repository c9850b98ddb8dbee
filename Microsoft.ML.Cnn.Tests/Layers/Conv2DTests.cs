using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Initializers;
using Microsoft.ML.Cnn.Layers;
using Padding2D = Microsoft.ML.Cnn.Ops.Padding2D;
using Eltwise = Microsoft.ML.Cnn.Ops.Eltwise;
using EltwiseFunction = Microsoft.ML.Cnn.Ops.EltwiseFunction;
using static Microsoft.ML.Cnn.Tests.Layers.LayerTestHelpers;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class Conv2DTests
{
    [TestMethod]
    [DataRow(PaddingMode.Valid, 7, 3, 1, 5)]
    [DataRow(PaddingMode.Valid, 7, 3, 2, 3)]
    [DataRow(PaddingMode.Same, 7, 3, 1, 7)]
    [DataRow(PaddingMode.Same, 7, 3, 2, 4)]
    [DataRow(PaddingMode.Same, 8, 3, 2, 4)]
    [DataRow(PaddingMode.Same, 5, 5, 3, 2)]
    [DataRow(PaddingMode.Explicit, 7, 3, 2, 4)]
    [DataRow(PaddingMode.Explicit, 28, 5, 1, 28)]
    public void Call_PaddingAndStride_OutputSizeFollowsRule(PaddingMode mode, int size, int kernel, int stride, int expected)
    {
        var padding = mode switch { PaddingMode.Valid => Padding.Valid, PaddingMode.Same => Padding.Same, _ => Padding.Explicit((kernel - 1) / 2) };
        var shape = OutputShape(new Conv2D(4, kernel, stride, padding), 3, size, size);
        Assert.AreEqual(new Shape(Shape.Batch, 4, expected, expected), shape);
    }

    [TestMethod]
    public void Call_SameWithOddTotal_ExtraRowAtBottomAndColumnAtRight()
    {
        var network = Apply(new Conv2D(2, 3, stride: 2, padding: Padding.Same), 1, 8, 6);
        var conv = LayerOps(network, NetworkMode.Inference).OfType<Cnn.Ops.Conv2D>().Single();
        // height: out 4, total (4-1)*2 + 3 - 8 = 1; width: out 3, total (3-1)*2 + 3 - 6 = 1.
        Assert.AreEqual(new Padding2D(0, 1, 0, 1), conv.Geometry.Padding);
    }

    [TestMethod]
    public void Call_AsymmetricExplicitPaddingAndRectangularKernel_OutputShape()
    {
        var shape = OutputShape(new Conv2D(3, (3, 5), (1, 2), Padding.Explicit(0, 2, 1, 1)), 2, 10, 11);
        Assert.AreEqual(new Shape(Shape.Batch, 3, 10, 5), shape);
    }

    [TestMethod]
    [DataRow(1, 32, 3, 1, 320)]
    [DataRow(32, 64, 3, 1, 18_496)]
    [DataRow(32, 64, 3, 2, 9_280)]
    [DataRow(6, 16, 5, 1, 2_416)]
    public void Build_ParameterCount_IsKernelTimesChannelsPerGroupTimesFiltersPlusBias(int channels, int filters, int kernel, int groups, int expected)
    {
        var layer = new Conv2D(filters, kernel, groups: groups);
        Apply(layer, channels, 9, 9);
        Assert.AreEqual(expected, ParameterCount(layer));
        Assert.AreEqual(new Shape(filters, channels / groups, kernel, kernel), layer.Weight!.Shape);
    }

    [TestMethod]
    public void Build_NoBias_OnlyWeight()
    {
        var layer = new Conv2D(8, 3, useBias: false);
        Apply(layer, 2, 5, 5);
        Assert.AreEqual(1, layer.Parameters.Count);
        Assert.IsNull(layer.Bias);
        Assert.IsFalse(LayerOps(Apply(new Conv2D(8, 3, useBias: false), 2, 5, 5), NetworkMode.Inference).OfType<Cnn.Ops.Conv2D>().Single().HasBias);
    }

    [TestMethod]
    [DataRow(Activation.Relu, typeof(HeNormal))]
    [DataRow(Activation.LeakyRelu, typeof(HeNormal))]
    [DataRow(Activation.Elu, typeof(HeNormal))]
    [DataRow(Activation.None, typeof(GlorotUniform))]
    [DataRow(Activation.Tanh, typeof(GlorotUniform))]
    public void Build_Activation_ChoosesInitializer(Activation activation, Type initializer)
    {
        var layer = new Conv2D(4, 3, activation: activation);
        Apply(layer, 1, 5, 5);
        Assert.IsInstanceOfType(layer.Weight!.Initializer, initializer);
        Assert.IsInstanceOfType<Zeros>(layer.Bias!.Initializer);
        Assert.AreEqual(9, layer.Weight.FanIn);
        Assert.AreEqual(36, layer.Weight.FanOut);
    }

    [TestMethod]
    public void Forward_FusedRelu_EmitsEltwiseAfterConv()
    {
        var ops = LayerOps(Apply(new Conv2D(4, 3, activation: Activation.Relu), 1, 5, 5), NetworkMode.Inference);
        Assert.HasCount(2, ops);
        Assert.IsInstanceOfType<Cnn.Ops.Conv2D>(ops[0]);
        Assert.AreEqual(new Eltwise(EltwiseFunction.Relu), ops[1]);
    }

    [TestMethod]
    public void Call_KernelLargerThanInput_FailsNamingLayerAndFormula()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Apply(new Conv2D(4, 5, name: "tiny"), 1, 3, 3));
        Assert.AreEqual("tiny", e.LayerName);
        StringAssert.Contains(e.Message, "floor((n + pBefore + pAfter - d(f-1) - 1)/s) + 1");
    }

    [TestMethod]
    public void Call_GroupsNotDividingChannels_FailsNamingLayer()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Apply(new Conv2D(4, 3, groups: 2, name: "grouped"), 3, 5, 5));
        Assert.AreEqual("grouped", e.LayerName);
        StringAssert.Contains(e.Message, "groups 2 must divide the 3 input channels");
    }

    [TestMethod]
    public void Call_FlatInput_FailsNamingLayer()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Apply(new Conv2D(4, 3, name: "c"), 10));
        StringAssert.Contains(e.Message, "expects images [N, C, H, W]");
    }

    [TestMethod]
    public void Constructor_BadArguments_Throw()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Conv2D(0, 3));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Conv2D(4, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Conv2D(4, 3, stride: -1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Conv2D(4, 3, dilation: 0));
        Assert.ThrowsExactly<ArgumentException>(() => new Conv2D(5, 3, groups: 2));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Conv2D(4, 3, activation: (Activation)99));
    }

    [TestMethod]
    public void Trainable_False_ParametersDoNotRequireGradient()
    {
        var layer = new Conv2D(4, 3) { Trainable = false };
        Apply(layer, 1, 5, 5);
        Assert.IsTrue(layer.Parameters.All(p => !p.RequiresGradient));
        layer.Trainable = true;
        Assert.IsTrue(layer.Parameters.All(p => p.RequiresGradient));
    }

    [TestMethod]
    public void LearningRateMultiplier_SetBeforeOrAfterBuild_ReachesParameters()
    {
        var layer = new Conv2D(4, 3) { LearningRateMultiplier = 0.1f };
        Apply(layer, 1, 5, 5);
        Assert.IsTrue(layer.Parameters.All(p => p.LearningRateMultiplier == 0.1f));
        layer.LearningRateMultiplier = 0f;
        Assert.IsTrue(layer.Parameters.All(p => p.LearningRateMultiplier == 0f));
    }

    [TestMethod]
    public void Build_Dilation_WidensReceptiveField()
    {
        Assert.AreEqual(new Shape(Shape.Batch, 1, 5, 5), OutputShape(new Conv2D(1, 3, dilation: 2), 1, 9, 9));
        Assert.AreEqual(new Shape(Shape.Batch, 1, 9, 9), OutputShape(new Conv2D(1, 3, dilation: 2, padding: Padding.Same), 1, 9, 9));
    }
}
