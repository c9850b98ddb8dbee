using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Eltwise = Microsoft.ML.Cnn.Ops.Eltwise;
using EltwiseFunction = Microsoft.ML.Cnn.Ops.EltwiseFunction;
using Op = Microsoft.ML.Cnn.Ops.Op;
using static Microsoft.ML.Cnn.Tests.Layers.LayerTestHelpers;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class ActivationLayersTests
{
    public static IEnumerable<object[]> Cases => new object[][]
    {
        [new ReLU(), new Eltwise(EltwiseFunction.Relu)],
        [new LeakyReLU(), new Eltwise(EltwiseFunction.LeakyRelu, 0.01f)],
        [new LeakyReLU(0.2f), new Eltwise(EltwiseFunction.LeakyRelu, 0.2f)],
        [new ELU(), new Eltwise(EltwiseFunction.Elu, 1f)],
        [new ELU(0.5f), new Eltwise(EltwiseFunction.Elu, 0.5f)],
        [new Sigmoid(), new Eltwise(EltwiseFunction.Sigmoid)],
        [new Tanh(), new Eltwise(EltwiseFunction.Tanh)],
        [new Softmax(), new Cnn.Ops.Softmax()],
    };

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Forward_EmitsItsOpAndKeepsShape(Layer layer, Op expected)
    {
        var network = Apply(layer, 6);
        Assert.AreEqual(expected, LayerOps(network, NetworkMode.Training).Single());
        Assert.AreEqual(new Shape(Shape.Batch, 6), network.Outputs[0].Shape);
        Assert.IsEmpty(layer.Parameters);
    }

    [TestMethod]
    public void Softmax_OnImages_FailsNamingLayer()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Apply(new Softmax("probabilities"), 3, 4, 4));
        Assert.AreEqual("probabilities", e.LayerName);
    }

    [TestMethod]
    public void Constructors_BadAlpha_Throw()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LeakyReLU(-0.1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LeakyReLU(float.NaN));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ELU(0f));
    }

    [TestMethod]
    public void Name_Unnamed_AssignedFromType()
    {
        var first = new ReLU();
        var second = new ReLU();
        Network.Sequential([4], [first, second]);
        Assert.AreEqual("relu_1", first.Name);
        Assert.AreEqual("relu_2", second.Name);
    }
}
