using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Execution;

[TestClass]
public sealed class ExecutionPlanTests
{
    [TestMethod]
    public void Create_UnneededBranch_PrunedAway()
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(4)));
        var used = graph.Emit(new Add(), x, x);
        graph.Emit(new Eltwise(EltwiseFunction.Relu), x); // not requested
        var plan = ExecutionPlan.Create(graph, 8, [used]);
        Assert.AreEqual(2, plan.Steps.Count);
        Assert.AreEqual(-1, plan.DefinedAt(graph.Values[2]));
        CollectionAssert.AreEqual(new[] { x }, plan.Inputs.ToArray());
    }

    [TestMethod]
    public void ShapeOf_BatchedValue_BindsBatch()
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(3, 5, 5)));
        var plan = ExecutionPlan.Create(graph, 16, [x]);
        Assert.AreEqual(new Shape(16, 3, 5, 5), plan.ShapeOf(x));
    }

    [TestMethod]
    public void LastUse_OutputsLiveAfterRun_IntermediatesEndAtLastReader()
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(4)));
        var a = graph.Emit(new Add(), x, x);
        var b = graph.Emit(new Add(), a, a);
        var plan = ExecutionPlan.Create(graph, 2, [b]);
        Assert.AreEqual(2, plan.LastUse(a));
        Assert.AreEqual(int.MaxValue, plan.LastUse(b));
    }

    [TestMethod]
    public void Lifetime_LatePlaceholder_SpansWholeRun()
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(4)));
        var a = graph.Emit(new Add(), x, x);
        var labels = graph.Emit(new Placeholder("labels", Shape.Batched(4)));
        var b = graph.Emit(new Add(), a, labels);
        var plan = ExecutionPlan.Create(graph, 2, [b]);
        Assert.AreEqual((0, 4), plan.Lifetime(labels), "set before the run, so it must not share memory with x or a");
        Assert.AreEqual((1, 3), plan.Lifetime(a));
        Assert.AreEqual((3, 4), plan.Lifetime(b), "read after the run");
    }

    [TestMethod]
    public void Create_NonPositiveBatch_Throws()
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(4)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ExecutionPlan.Create(graph, 0, [x]));
    }

    [TestMethod]
    public void Create_GradientShapeMismatch_Throws()
    {
        var graph = new ComputationGraph();
        var parameter = new Parameter("w", new Shape(3), ParameterRole.Weight, new ZeroInitializer());
        var wrongGradient = graph.Emit(new Fill(new Shape(4), 0f));
        Assert.ThrowsExactly<ArgumentException>(() => ExecutionPlan.Create(graph, 1, [], [new GradientBinding(parameter, wrongGradient)]));
    }

    private sealed class ZeroInitializer : IInitializer
    {
        public void Fill(Span<float> data, Shape shape, int fanIn, int fanOut, Cnn.Numerics.SeededRandom random) => data.Clear();
    }
}
