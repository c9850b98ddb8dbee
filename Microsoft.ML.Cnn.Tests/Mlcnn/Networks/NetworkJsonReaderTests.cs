// Architecture files: every layer type parses into the right library layer, and each kind of mistake is reported
// with the layer's index, its type and the field.
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Mlcnn.Networks;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Networks;

[TestClass]
public sealed class NetworkJsonReaderTests
{
    [TestMethod]
    public void Parse_EveryLayerType_BuildsTheNetwork()
    {
        var description = NetworkJsonReader.Parse("""
            { "description": "all layer types",
              "layers": [
                { "type": "conv", "filters": 6, "kernel": [3, 5], "stride": 1, "padding": [1, 1, 2, 2], "activation": "leaky-relu", "name": "first" },
                { "type": "bn", "momentum": 0.2 },
                { "type": "activation", "function": "elu" },
                { "type": "lrn", "size": 4, "alpha": 0.001, "beta": 0.5, "k": 2, "name": "norm" },
                { "type": "lrn", "size": 5 },
                { "type": "pool", "mode": "l2", "size": [2, 1], "stride": 1, "padding": [1, 0, 0, 0], "name": "l2" },
                { "type": "conv", "filters": 6, "kernel": 3, "groups": 3, "padding": "same", "bias": false, "dilation": 1 },
                { "type": "pool", "mode": "avg", "size": 2, "stride": [2, 2] },
                { "type": "pool", "size": 2, "padding": "same" },
                { "type": "pool", "size": 3, "stride": 2, "ceilMode": true, "name": "ceil" },
                { "type": "global-avg-pool" },
                { "type": "dropout", "rate": 0.5 },
                { "type": "dense", "units": 16, "activation": "tanh" }, // comments and trailing commas are allowed
              ] }
            """, "test");
        var network = description.Build([3, 12, 12], 5, seed: 1);
        CollectionAssert.AreEqual(new[] { "Conv2D", "BatchNorm", "ELU", "LocalResponseNorm", "LocalResponseNorm", "L2Pool2D",
            "Conv2D", "AvgPool2D", "MaxPool2D", "MaxPool2D", "GlobalAveragePool2D", "Dropout", "Dense", "Dense" },
            network.Layers.Select(l => l.TypeName).ToArray());
        Assert.AreEqual("first", network.Layers[0].Name);
        Assert.AreEqual(NetworkDescription.ClassifierName, network.Layers[^1].Name);
        Assert.AreEqual(new Microsoft.ML.Cnn.Graph.Shape(5), network.OutputShape);
        var conv = (Conv2D)network.Layers[0];
        Assert.AreEqual((3, 5), conv.Kernel);
        Assert.AreEqual(3, ((Conv2D)network.Layers[6]).Groups);
        Assert.IsFalse(((MaxPool2D)network.Layers[8]).CeilMode);
        Assert.IsTrue(((MaxPool2D)network.GetLayer("ceil")).CeilMode);
        var norm = (LocalResponseNorm)network.GetLayer("norm");
        Assert.AreEqual((4, 0.001f, 0.5f, 2f), (norm.Size, norm.Alpha, norm.Beta, norm.K));
        var defaults = (LocalResponseNorm)network.Layers[4];
        Assert.AreEqual((5, 1e-4f, 0.75f, 1f), (defaults.Size, defaults.Alpha, defaults.Beta, defaults.K), "PyTorch's defaults");
        var l2 = (L2Pool2D)network.GetLayer("l2");
        Assert.AreEqual(((2, 1), (1, 1), Padding.Explicit(1, 0, 0, 0)), (l2.Pool, l2.Stride, l2.Padding));
    }

    [TestMethod]
    [DataRow("{", "is not valid JSON")]
    [DataRow("[]", "the top level must be an object")]
    [DataRow("""{ "layer": [] }""", "unknown top-level field \"layer\"")]
    [DataRow("""{ "layers": {} }""", "\"layers\" is missing or not an array")]
    [DataRow("""{ "layers": [] }""", "\"layers\" is empty")]
    [DataRow("""{ "layers": [ 3 ] }""", "layers[0] is number")]
    [DataRow("""{ "layers": [ { "filters": 3 } ] }""", "layers[0] has no \"type\"")]
    [DataRow("""{ "layers": [ { "type": "convolution" } ] }""", "layers[0] has type \"convolution\"; use one of \"conv\"")]
    [DataRow("""{ "layers": [ { "type": "conv", "filter": 3, "kernel": 3 } ] }""", "layers[0] (conv): unknown field \"filter\"; this layer takes \"filters\"")]
    [DataRow("""{ "layers": [ { "type": "conv", "kernel": 3 } ] }""", "layers[0] (conv): \"filters\" is required")]
    [DataRow("""{ "layers": [ { "type": "conv", "filters": 2.5, "kernel": 3 } ] }""", "\"filters\" must be a positive integer, got 2.5")]
    [DataRow("""{ "layers": [ { "type": "conv", "filters": 2, "kernel": [3] } ] }""", "\"kernel\" must be a positive integer or [height, width]")]
    [DataRow("""{ "layers": [ { "type": "conv", "filters": 2, "kernel": 3, "padding": "full" } ] }""", "\"padding\" is \"full\"; use \"same\", \"valid\"")]
    [DataRow("""{ "layers": [ { "type": "conv", "filters": 2, "kernel": 3, "padding": -1 } ] }""", "\"padding\" must be")]
    [DataRow("""{ "layers": [ { "type": "conv", "filters": 2, "kernel": 3, "activation": "gelu" } ] }""", "\"activation\" is \"gelu\"; use one of \"none\", \"relu\"")]
    [DataRow("""{ "layers": [ { "type": "conv", "filters": 2, "kernel": 3, "bias": "yes" } ] }""", "\"bias\" must be true or false")]
    [DataRow("""{ "layers": [ { "type": "flatten" }, { "type": "pool", "mode": "min", "size": 2 } ] }""", "layers[1] (pool): \"mode\" is \"min\"; use one of \"max\", \"avg\", \"l2\"")]
    [DataRow("""{ "layers": [ { "type": "pool", "mode": "l2", "size": 2, "ceilMode": true } ] }""", "\"ceilMode\" applies to max pooling only")]
    [DataRow("""{ "layers": [ { "type": "lrn" } ] }""", "layers[0] (lrn): \"size\" is required")]
    [DataRow("""{ "layers": [ { "type": "lrn", "size": 5, "k": 0 } ] }""", "\"k\" must be a number in [1e-12, 1e6]")]
    [DataRow("""{ "layers": [ { "type": "lrn", "size": 5, "n": 5 } ] }""", "layers[0] (lrn): unknown field \"n\"; this layer takes \"size\", \"alpha\"")]
    [DataRow("""{ "layers": [ { "type": "pool", "mode": "avg", "size": 2, "ceilMode": true } ] }""", "layers[0] (pool): \"ceilMode\" applies to max pooling only")]
    [DataRow("""{ "layers": [ { "type": "pool", "size": 2, "ceilMode": 1 } ] }""", "\"ceilMode\" must be true or false")]
    [DataRow("""{ "layers": [ { "type": "dropout" } ] }""", "layers[0] (dropout): \"rate\" is required")]
    [DataRow("""{ "layers": [ { "type": "dropout", "rate": 1 } ] }""", "\"rate\" must be a number in [0, 1)")]
    [DataRow("""{ "layers": [ { "type": "bn", "epsilon": 0 } ] }""", "\"epsilon\" must be a number in [1e-12, 1]")]
    [DataRow("""{ "layers": [ { "type": "dense" } ] }""", "layers[0] (dense): \"units\" is required")]
    [DataRow("""{ "layers": [ { "type": "activation" } ] }""", "\"function\" is required")]
    [DataRow("""{ "layers": [ { "type": "activation", "function": "none" } ] }""", "\"function\" is \"none\", which does nothing")]
    [DataRow("""{ "layers": [ { "type": "flatten", "name": "" } ] }""", "\"name\" must be a non-empty string")]
    public void Parse_InvalidArchitecture_ThrowsNamingTheProblem(string json, string expected)
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => NetworkJsonReader.Parse(json, "architecture file 'x.json'"));
        StringAssert.StartsWith(error.Message, "The architecture file 'x.json'");
        StringAssert.Contains(error.Message, expected);
    }

    [TestMethod]
    public void LayerFieldNames_CoverTheBriefsLayerTypes()
    {
        CollectionAssert.IsSubsetOf(new[] { "conv", "pool", "dense", "bn", "lrn", "dropout", "flatten", "global-avg-pool" }, NetworkJsonReader.LayerFieldNames.Keys.ToArray());
    }
}
