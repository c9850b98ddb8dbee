// Which LRN sizes run as oneDNN primitives: odd sizes only, where oneDNN's centred window is PyTorch's.
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Backends.OneDnn.Primitives;

[TestClass]
public sealed class LocalResponseNormPrimitivesTests
{
    [TestMethod]
    [DataRow(5, true)]
    [DataRow(3, true)]
    [DataRow(4, false)]
    [DataRow(2, false)]
    public void Compile_ForwardAndBackward_PrimitivesForOddSizesOnly(int size, bool usesPrimitives)
    {
        using var backend = TestBackends.CreateOneDnn();
        var graph = new ComputationGraph();
        var shape = new Shape(2, 16, 5, 5);
        var op = new LocalResponseNorm(size, 0.5f, 0.75f, 2f);
        Value x = graph.Emit(new Placeholder("x", shape), []), dy = graph.Emit(new Placeholder("dy", shape), []);
        var y = graph.Emit(op, x);
        var dx = graph.Emit(new LocalResponseNormBackward(op), x, y, dy);
        using var store = backend.CreateParameterStore([]);

        using var executable = backend.Compile(ExecutionPlan.Create(graph, 2, [y, dx]), store);

        Assert.AreEqual(usesPrimitives, backend.PrimitivesCreated > 0, $"primitives created: {backend.PrimitivesCreated}");
    }
}
