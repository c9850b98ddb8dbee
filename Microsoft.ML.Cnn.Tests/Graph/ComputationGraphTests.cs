using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Graph;

[TestClass]
public sealed class ComputationGraphTests
{
    [TestMethod]
    public void Emit_ValidOp_InfersOutputShape()
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(4)));
        var y = graph.Emit(new Add(), x, x);
        Assert.AreEqual(Shape.Batched(4), y.Shape);
        Assert.AreEqual(2, graph.Nodes.Count);
        Assert.AreSame(y, graph.Values[y.Id]);
    }

    [TestMethod]
    public void Emit_BrokenShapeInScope_ThrowsNamingLayerAndShapes()
    {
        var graph = new ComputationGraph();
        var a = graph.Emit(new Placeholder("a", Shape.Batched(4)));
        var b = graph.Emit(new Placeholder("b", Shape.Batched(5)));
        ShapeInferenceException e;
        using (graph.Scope("residual_add"))
            e = Assert.ThrowsExactly<ShapeInferenceException>(() => graph.Emit(new Add(), a, b));
        Assert.AreEqual("residual_add", e.LayerName);
        StringAssert.Contains(e.Message, "(N, 4)");
        StringAssert.Contains(e.Message, "(N, 5)");
    }

    [TestMethod]
    public void Emit_WrongArity_ThrowsShapeInferenceException()
    {
        var graph = new ComputationGraph();
        var a = graph.Emit(new Placeholder("a", Shape.Batched(4)));
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => graph.Emit(new Add(), a));
        StringAssert.Contains(e.Message, "takes 2 input(s), got 1");
    }

    [TestMethod]
    public void Emit_ValueFromAnotherGraph_Throws()
    {
        var other = new ComputationGraph();
        var foreign = other.Emit(new Placeholder("x", Shape.Batched(2)));
        var graph = new ComputationGraph();
        graph.Emit(new Placeholder("x", Shape.Batched(2)));
        Assert.ThrowsExactly<ArgumentException>(() => graph.Emit(new Add(), foreign, foreign));
    }

    [TestMethod]
    public void EmitNode_MultiOutputOp_NumbersValuesDensely()
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(3, 4, 4)));
        var node = graph.EmitNode(new Dropout(0.5f, 1), x);
        Assert.AreEqual(2, node.Outputs.Count);
        CollectionAssert.AreEqual(new[] { 1, 2 }, node.Outputs.Select(v => v.Id).ToArray());
    }

    [TestMethod]
    public void UniqueName_RepeatedPrefix_CountsUp()
    {
        var graph = new ComputationGraph();
        Assert.AreEqual("conv2d_1", graph.UniqueName("conv2d"));
        Assert.AreEqual("conv2d_2", graph.UniqueName("conv2d"));
    }

    [TestMethod]
    public void Consumers_ValueUsedTwice_ListsBothNodes()
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(2)));
        graph.Emit(new Add(), x, x);
        graph.Emit(new Eltwise(EltwiseFunction.Relu), x);
        Assert.AreEqual(2, graph.Consumers()[x.Id].Count);
    }
}
