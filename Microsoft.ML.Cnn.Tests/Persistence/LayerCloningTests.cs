using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Persistence;

namespace Microsoft.ML.Cnn.Tests.Persistence;

[TestClass]
public sealed class LayerCloningTests
{
    private static byte[] Config(Layer layer)
    {
        var stream = new MemoryStream();
        LayerConfigCodec.Write(new ModelWriter(stream), layer);
        return stream.ToArray();
    }

    public static IEnumerable<object[]> Layers =>
    [
        [new Conv2D(6, (3, 5), (2, 1), Padding.Explicit(1, 2, 0, 1), (1, 2), groups: 2, useBias: false, activation: Activation.Tanh, name: "c")],
        [new DepthwiseConv2D(3, stride: 2, padding: Padding.Same, depthMultiplier: 2, name: "d")],
        [new MaxPool2D(3, 2, Padding.Explicit(1), name: "m")],
        [new AvgPool2D(2, countIncludesPadding: false, name: "a")],
        [new Dense(7, Activation.Elu, useBias: false, name: "fc")],
        [new BatchNorm(0.01f, 1e-3f, name: "bn")],
        [new Dropout(0.3f, 5, name: "drop")],
        [new LeakyReLU(0.2f, name: "leaky")],
        [new Reshape([2, 3], "r")],
        [new GlobalAveragePool2D("gap")],
    ];

    [TestMethod]
    [DynamicData(nameof(Layers))]
    public void Clone_Layer_SameConfigAndNameUnbuilt(Layer layer)
    {
        layer.Trainable = false;
        layer.LearningRateMultiplier = 0.5f;

        var clone = LayerCloning.Clone(layer);

        Assert.AreNotSame(layer, clone);
        Assert.AreEqual(layer.GetType(), clone.GetType());
        Assert.AreEqual(layer.Name, clone.Name);
        CollectionAssert.AreEqual(Config(layer), Config(clone));
        Assert.IsFalse(clone.Trainable);
        Assert.AreEqual(0.5f, clone.LearningRateMultiplier);
        Assert.IsFalse(clone.IsBuilt);
    }

    [TestMethod]
    public void Clone_LayerWithoutCodec_ThrowsNotSupported() =>
        Assert.ThrowsExactly<NotSupportedException>(() => LayerCloning.Clone(new Custom()));

    private sealed class Custom() : Layer("custom")
    {
        public override string TypeName => "Custom";

        protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) => inputs[0];
    }
}
