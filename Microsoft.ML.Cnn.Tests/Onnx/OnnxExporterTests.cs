// The exported model as a whole: versions, the input and outputs with the symbolic batch, initializers holding the
// weights, heads, names, determinism, and the networks export refuses.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Onnx;

namespace Microsoft.ML.Cnn.Tests.Onnx;

[TestClass]
public sealed class OnnxExporterTests
{
    private static string[] Shape(OnnxValueInfo info) => [.. info.Shape.Select(d => d.ToString())];

    [TestMethod]
    public void CreateModel_SeedCnn_NodesInitializersInputAndOutput()
    {
        var network = SeedCnn.Create([1, 28, 28], 10, seed: 3);

        var model = OnnxExporter.CreateModel(network, new OnnxExportOptions());

        Assert.AreEqual(8L, model.IrVersion);
        Assert.AreEqual(17L, model.OpsetVersion);
        Assert.AreEqual("Microsoft.ML.Cnn", model.ProducerName);
        var graph = model.Graph;
        CollectionAssert.AreEqual(new[] { "Conv", "Relu", "MaxPool", "Conv", "Relu", "MaxPool", "Flatten", "Gemm", "Relu", "Gemm" },
            graph.Nodes.Select(n => n.OpType).ToArray());
        Assert.AreEqual("input", graph.Inputs.Single().Name);
        CollectionAssert.AreEqual(new[] { "N", "1", "28", "28" }, Shape(graph.Inputs.Single()));
        Assert.AreEqual("output", graph.Outputs.Single().Name);
        CollectionAssert.AreEqual(new[] { "N", "10" }, Shape(graph.Outputs.Single()));
        Assert.AreEqual("output", graph.Nodes[^1].Outputs[0]);
        CollectionAssert.AreEqual(network.Parameters.Select(p => p.Name).ToArray(), graph.Initializers.Select(t => t.Name).ToArray());
        foreach (var parameter in network.Parameters)
        {
            var tensor = graph.Initializers.Single(t => t.Name == parameter.Name);
            CollectionAssert.AreEqual(parameter.Shape.Select(d => (long)d).ToArray(), tensor.Dims.ToArray(), parameter.Name);
            CollectionAssert.AreEqual(parameter.Data, tensor.FloatValues(), parameter.Name);
        }
    }

    [TestMethod]
    public void CreateModel_EveryTensor_DefinedOnceBeforeUse()
    {
        var model = OnnxExporter.CreateModel(SmallResNet.Create([3, 16, 16], 4, seed: 1), new OnnxExportOptions());

        var defined = new HashSet<string>(model.Graph.Inputs.Select(i => i.Name).Concat(model.Graph.Initializers.Select(t => t.Name)));
        foreach (var node in model.Graph.Nodes)
        {
            foreach (string input in node.Inputs) Assert.Contains(input, defined, $"{node.Name} reads '{input}' before it is defined");
            foreach (string output in node.Outputs) Assert.IsTrue(defined.Add(output), $"'{output}' is defined twice");
        }
        Assert.AreEqual(model.Graph.Nodes.Count, model.Graph.Nodes.Select(n => n.Name).Distinct().Count(), "node names are unique");
    }

    [TestMethod]
    public void CreateModel_SoftmaxHead_AppendsSoftmaxWritingTheOutput()
    {
        var options = new OnnxExportOptions { InputName = "Features", OutputName = "Score", Head = OnnxOutputHead.Softmax };

        var graph = OnnxExporter.CreateModel(SeedCnn.Create([1, 12, 12], 3), options).Graph;

        var head = graph.Nodes[^1];
        Assert.AreEqual("Softmax", head.OpType);
        Assert.AreEqual(1L, head.Attribute("axis")!.Int);
        Assert.AreEqual(graph.Nodes[^2].Outputs[0], head.Inputs[0]);
        Assert.AreEqual("Score", head.Outputs[0]);
        Assert.AreEqual("Features", graph.Inputs.Single().Name);
        Assert.AreEqual("Features", graph.Nodes[0].Inputs[0]);
    }

    [TestMethod]
    public void CreateModel_SigmoidHead_LogitAndProbabilityOutputs()
    {
        var options = new OnnxExportOptions { OutputName = "Score", Head = OnnxOutputHead.Sigmoid, ProbabilityOutputName = "Probability" };

        var graph = OnnxExporter.CreateModel(SeedCnn.Create([1, 12, 12], 1), options).Graph;

        CollectionAssert.AreEqual(new[] { "Score", "Probability" }, graph.Outputs.Select(o => o.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "N", "1" }, Shape(graph.Outputs[1]));
        Assert.AreEqual("Score", graph.Nodes[^2].Outputs[0]);
        Assert.AreEqual("Sigmoid", graph.Nodes[^1].OpType);
        CollectionAssert.AreEqual(new[] { "Score" }, graph.Nodes[^1].Inputs.ToArray());
    }

    [TestMethod]
    public void CreateModel_MetadataAndDescription_StoredSortedByKey()
    {
        var options = new OnnxExportOptions { Description = "about", Metadata = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } };

        var model = OnnxExporter.CreateModel(SeedCnn.Create([1, 12, 12], 2), options);

        Assert.AreEqual("about", model.DocString);
        CollectionAssert.AreEqual(new[] { "a", "b" }, model.Metadata.Select(p => p.Key).ToArray());
    }

    [TestMethod]
    public void Export_SameNetworkTwice_SameBytes()
    {
        var network = SmallMobileNet.Create([3, 16, 16], 5, seed: 2);
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        OnnxExporter.Export(network, first);
        OnnxExporter.Export(network, second);

        Assert.IsGreaterThan(10_000, first.Length);
        CollectionAssert.AreEqual(first.ToArray(), second.ToArray());
    }

    [TestMethod]
    public void Export_FilePath_WritesTheStreamBytes()
    {
        var network = LeNet5.Create([1, 28, 28], 10);
        string path = Path.Combine(Path.GetTempPath(), $"mlcnn-onnx-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxExporter.Export(network, path);
            using var stream = new MemoryStream();
            OnnxExporter.Export(network, stream);
            CollectionAssert.AreEqual(stream.ToArray(), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void CreateModel_NetworkWithoutLayers_IdentityNodeWritesTheOutput()
    {
        var input = Network.Input(3);
        var graph = OnnxExporter.CreateModel(new Network(input, input), new OnnxExportOptions()).Graph;

        var node = graph.Nodes.Single();
        Assert.AreEqual("Identity", node.OpType);
        CollectionAssert.AreEqual(new[] { "input" }, node.Inputs.ToArray());
        CollectionAssert.AreEqual(new[] { "output" }, node.Outputs.ToArray());
    }

    [TestMethod]
    public void CreateModel_TwoOutputs_FailsSayingSo()
    {
        var input = Network.Input(4);
        var network = new Network([input], [new Dense(2).Call(input), new Dense(3).Call(input)]);

        var e = Assert.ThrowsExactly<NotSupportedException>(() => OnnxExporter.CreateModel(network, new OnnxExportOptions()));
        StringAssert.Contains(e.Message, "one input and one output; this one has 1 and 2");
    }

    [TestMethod]
    public void CreateModel_SoftmaxHeadOnImages_FailsNamingTheShape()
    {
        var network = Network.Sequential([1, 4, 4], [new Conv2D(2, 3)]);
        var e = Assert.ThrowsExactly<ArgumentException>(() => OnnxExporter.CreateModel(network, new OnnxExportOptions { Head = OnnxOutputHead.Softmax }));
        StringAssert.Contains(e.Message, "(2, 2, 2)");
    }

    [TestMethod]
    public void CreateModel_OutputNamedLikeTheInput_FailsNamingIt()
    {
        var options = new OnnxExportOptions { InputName = "x", OutputName = "x" };
        var e = Assert.ThrowsExactly<ArgumentException>(() => OnnxExporter.CreateModel(SeedCnn.Create([1, 12, 12], 2), options));
        StringAssert.Contains(e.Message, "'x' is used twice");
    }

    [TestMethod]
    public void CreateModel_ParameterNamedLikeTheInput_InitializerRenamed()
    {
        var network = Network.Sequential([3], [new Dense(2, name: "x")]);

        var graph = OnnxExporter.CreateModel(network, new OnnxExportOptions { InputName = "x.weight" }).Graph;

        CollectionAssert.AreEqual(new[] { "x.weight", "x.weight_1", "x.bias" }, graph.Nodes.Single().Inputs.ToArray());
        Assert.AreEqual("x.weight_1", graph.Initializers[0].Name);
    }

    [TestMethod]
    public void CreateModel_UnknownHead_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => OnnxExporter.CreateModel(SeedCnn.Create([1, 12, 12], 2), new OnnxExportOptions { Head = (OnnxOutputHead)9 }));
}
