using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed;

[TestClass]
public sealed class ManagedExecutableTests
{
    private sealed class ConstantInitializer(float value) : IInitializer
    {
        public void Fill(Span<float> data, Shape shape, int fanIn, int fanOut, SeededRandom random) => data.Fill(value);
    }

    [TestMethod]
    public void Run_AddOfInputAndParameter_ComputesSum()
    {
        var parameter = new Parameter("bias", new Shape(2, 3), ParameterRole.Bias, new ConstantInitializer(0.5f));
        parameter.Initialize(new SeededRandom(0));
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", new Shape(2, 3)));
        var p = graph.Emit(new ParameterRead(parameter));
        var y = graph.Emit(new Add(), x, p);

        using var backend = new ManagedBackend(2);
        using var store = backend.CreateParameterStore([parameter]);
        using var executable = backend.Compile(ExecutionPlan.Create(graph, 2, [y]), store);
        executable.SetInput(x, [1, 2, 3, 4, 5, 6]);
        executable.Run();
        var result = new float[6];
        executable.GetOutput(y, result);
        CollectionAssert.AreEqual(new[] { 1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f }, result);
    }

    [TestMethod]
    public void Run_GradientBinding_WritesIntoParameterStore()
    {
        // loss = sum(seed * (p + p)) has no sum op here, so differentiate the scalar Add directly: d(p + p)/dp = 2.
        var parameter = new Parameter("p", Shape.Scalar, ParameterRole.Weight, new ConstantInitializer(3f));
        var graph = new ComputationGraph();
        var p = graph.Emit(new ParameterRead(parameter));
        var loss = graph.Emit(new Add(), p, p);
        var gradient = ReverseMode.Gradients(graph, loss, [p])[0];

        using var backend = new ManagedBackend(1);
        using var store = backend.CreateParameterStore([parameter]);
        using var executable = backend.Compile(ExecutionPlan.Create(graph, 1, [loss], [new GradientBinding(parameter, gradient)]), store);
        executable.Run();
        Assert.AreEqual(2f, store.Gradients(parameter)[0]);
    }

    [TestMethod]
    public void SetInput_WrongLength_ThrowsNamingInputAndShape()
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("image", Shape.Batched(4)));
        using var backend = new ManagedBackend(1);
        using var store = backend.CreateParameterStore([]);
        using var executable = backend.Compile(ExecutionPlan.Create(graph, 2, [x]), store);
        var e = Assert.ThrowsExactly<ArgumentException>(() => executable.SetInput(x, new float[7]));
        StringAssert.Contains(e.Message, "(2, 4)");
    }

    [TestMethod]
    public void GetOutput_ValueNotRequested_Throws()
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(4)));
        var a = graph.Emit(new Add(), x, x);
        var b = graph.Emit(new Add(), a, a);
        using var backend = new ManagedBackend(1);
        using var store = backend.CreateParameterStore([]);
        using var executable = backend.Compile(ExecutionPlan.Create(graph, 1, [b]), store);
        Assert.ThrowsExactly<ArgumentException>(() => executable.GetOutput(a, new float[4]));
    }

    [TestMethod]
    public void Compile_ChainOfAdds_ArenaReusesBuffers()
    {
        var graph = new ComputationGraph();
        var v = graph.Emit(new Placeholder("x", Shape.Batched(1024)));
        var x = v;
        for (int i = 0; i < 10; i++) v = graph.Emit(new Add(), v, v);
        using var backend = new ManagedBackend(1);
        using var store = backend.CreateParameterStore([]);
        using var executable = (ManagedExecutable)backend.Compile(ExecutionPlan.Create(graph, 1, [v]), store);
        Assert.IsTrue(executable.ArenaLength <= 3 * 1024, $"arena {executable.ArenaLength} should hold about three live buffers, not eleven");
        executable.SetInput(x, Enumerable.Repeat(1f, 1024).ToArray());
        executable.Run();
        var result = new float[1024];
        executable.GetOutput(v, result);
        Assert.AreEqual(1024f, result[0]);
    }

    [TestMethod]
    public void Run_PlaceholderEmittedAfterDeadValues_KeepsItsInput()
    {
        // b's step comes after x's last use, so a planner that starts b's lifetime at its step would let b share x's
        // buffer; SetInput(x) would then overwrite b before Run.
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(4)));
        var a = graph.Emit(new Add(), x, x);
        var b = graph.Emit(new Placeholder("b", Shape.Batched(4)));
        var y = graph.Emit(new Add(), a, b);
        using var backend = new ManagedBackend(1);
        using var store = backend.CreateParameterStore([]);
        using var executable = backend.Compile(ExecutionPlan.Create(graph, 1, [y]), store);
        executable.SetInput(b, [10, 20, 30, 40]);
        executable.SetInput(x, [1, 2, 3, 4]);
        executable.Run();
        var result = new float[4];
        executable.GetOutput(y, result);
        CollectionAssert.AreEqual(new[] { 12f, 24f, 36f, 48f }, result);
    }
}
