// LocalResponseNorm's ONNX nodes: one LRN node for odd sizes, a composition that keeps PyTorch's window for even sizes
// (ONNX Runtime's agreement on values is checked by OnnxRuntimeAgreementTests' every-layer network).
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Onnx;

namespace Microsoft.ML.Cnn.Tests.Onnx;

[TestClass]
public sealed class OnnxLocalResponseNormLoweringTests
{
    private static OnnxGraph Export(int[] inputShape, Layer layer) => OnnxOpTableTests.Export(inputShape, layer);

    private static string[] OpTypes(OnnxGraph graph) => [.. graph.Nodes.Select(n => n.OpType)];

    private static long[] Ints(OnnxNode node, string name) => [.. node.Attribute(name)!.Ints];

    [TestMethod]
    public void Emit_LocalResponseNormOddSize_LrnNodeWithPyTorchsConstants()
    {
        var graph = Export([8, 3, 3], new LocalResponseNorm(5, 5e-4f, 0.75f, 2f));

        var lrn = graph.Nodes.Single();
        Assert.AreEqual("LRN", lrn.OpType);
        Assert.AreEqual(5L, lrn.Attribute("size")!.Int);
        Assert.AreEqual(5e-4f, lrn.Attribute("alpha")!.Float); // both divide alpha by size
        Assert.AreEqual(0.75f, lrn.Attribute("beta")!.Float);
        Assert.AreEqual(2f, lrn.Attribute("bias")!.Float);
    }

    [TestMethod]
    public void Emit_LocalResponseNormEvenSize_WindowMeanByAveragePoolOverChannels()
    {
        var graph = Export([8, 3, 3], new LocalResponseNorm(4, 1e-3f, 0.5f, 1.5f, name: "lrn"));

        CollectionAssert.AreEqual(new[] { "Mul", "Unsqueeze", "AveragePool", "Squeeze", "Mul", "Add", "Pow", "Div" }, OpTypes(graph));
        var pool = graph.Nodes[2];
        CollectionAssert.AreEqual(new long[] { 4, 1, 1 }, Ints(pool, "kernel_shape"));
        CollectionAssert.AreEqual(new long[] { 2, 0, 0, 1, 0, 0 }, Ints(pool, "pads")); // PyTorch: size/2 channels before, (size-1)/2 after
        Assert.AreEqual(1L, pool.Attribute("count_include_pad")!.Int);
        CollectionAssert.AreEqual(new[] { "input", "input" }, graph.Nodes[0].Inputs.ToArray());
        Assert.AreEqual("input", graph.Nodes[^1].Inputs[0]);
        float Scalar(string name) => graph.Initializers.Single(t => t.Name == name).FloatValues().Single();
        Assert.AreEqual((1e-3f, 1.5f, 0.5f), (Scalar("lrn.alpha"), Scalar("lrn.k"), Scalar("lrn.beta")));
    }
}
