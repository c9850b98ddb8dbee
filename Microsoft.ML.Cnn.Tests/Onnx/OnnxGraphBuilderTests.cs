// Names in the graph being built: claimed names are exclusive, generated ones never collide.
using Microsoft.ML.Cnn.Onnx;

namespace Microsoft.ML.Cnn.Tests.Onnx;

[TestClass]
public sealed class OnnxGraphBuilderTests
{
    [TestMethod]
    public void Claim_TakenName_Throws()
    {
        var builder = new OnnxGraphBuilder();
        builder.Claim("Score");
        Assert.ThrowsExactly<ArgumentException>(() => builder.Claim("Score"));
    }

    [TestMethod]
    public void Fresh_TakenPrefix_AppendsTheFirstFreeNumber()
    {
        var builder = new OnnxGraphBuilder();
        builder.Claim("w_1");
        Assert.AreEqual("w", builder.Fresh("w"));
        Assert.AreEqual("w_2", builder.Fresh("w"));
    }

    [TestMethod]
    public void AddNode_SameScopeAndOpTwice_UniqueNodeAndOutputNames()
    {
        var builder = new OnnxGraphBuilder();
        string x = builder.Claim("x");

        string first = builder.AddNode("Relu", "act", [x], null);
        string second = builder.AddNode("Relu", "act", [first], "y");

        Assert.AreEqual("act/Relu", first);
        Assert.AreEqual("y", second);
        CollectionAssert.AreEqual(new[] { "act/Relu", "act/Relu_1" }, builder.Nodes.Select(n => n.Name).ToArray());
    }

    [TestMethod]
    public void AddInitializer_Int64_StoresLittleEndianValues()
    {
        var builder = new OnnxGraphBuilder();
        string name = builder.AddInitializer("shape", [2], new long[] { 0, 7 });
        CollectionAssert.AreEqual(new long[] { 0, 7 }, builder.Initializers.Single(t => t.Name == name).Int64Values());
    }
}
