// Compiled graphs of convolution and dense ops, and of L2 pooling and LRN, forward and backward, must not allocate in
// a steady-state Run.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class ManagedKernelsAllocationTests
{
    // Batch 8 runs multi-sample chunks; batch 1 splits the convolution by filter rows (20 filters x 400 pixels x 144
    // is past Conv2DKernel.MinSplitMultiplyAdds).
    [TestMethod]
    [DataRow(8)]
    [DataRow(1)]
    public void Run_ConvolutionAndDenseGraph_AllocatesNothingAfterWarmUp(int batch)
    {
        var graph = new ComputationGraph();
        var geometry = new Conv2DGeometry(3, 3, 1, 1, Padding2D.Symmetric(1, 1), 1, 1, 1);
        var depthwise = geometry with { Groups = 16 };
        Shape image = new(batch, 16, 20, 20), weight = new(20, 16, 3, 3), depthwiseWeight = new(16, 1, 3, 3), flat = new(batch, 50), dense = new(10, 50);
        Value P(string name, Shape shape) => graph.Emit(new Placeholder(name, shape), []);
        Value x = P("x", image), w = P("w", weight), b = P("b", new(20)), dw = P("dw", depthwiseWeight);
        Value f = P("f", flat), u = P("u", dense), ub = P("ub", new(10));
        var y = graph.Emit(new Conv2D(geometry, true), x, w, b);
        var dx = graph.Emit(new Conv2DBackwardData(geometry, image), y, w);
        var grads = graph.EmitNode(new Conv2DBackwardWeights(geometry, weight, true), x, y).Outputs;
        var yd = graph.Emit(new Conv2D(depthwise, false), x, dw);
        var dxd = graph.Emit(new Conv2DBackwardData(depthwise, image), yd, dw);
        var gd = graph.Emit(new Conv2DBackwardWeights(depthwise, depthwiseWeight, false), x, yd);
        var z = graph.Emit(new Dense(true), f, u, ub);
        var df = graph.Emit(new DenseBackwardData(), z, u);
        var denseGrads = graph.EmitNode(new DenseBackwardWeights(true), f, z).Outputs;
        var plan = ExecutionPlan.Create(graph, batch, [dx, grads[0], grads[1], dxd, gd, df, denseGrads[0], denseGrads[1]]);
        using var backend = new ManagedBackend(2);
        using var store = backend.CreateParameterStore([]);
        using var executable = backend.Compile(plan, store);
        var random = new SeededRandom(1);
        foreach (var (value, shape) in new[] { (x, image), (w, weight), (b, new Shape(20)), (dw, depthwiseWeight), (f, flat), (u, dense), (ub, new Shape(10)) })
            executable.SetInput(value, KernelRunner.Random(random, shape));

        // Several warm-up runs: under load a worker can first meet contention on a later run (seen once in a full suite).
        for (int i = 0; i < 3; i++) executable.Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 3; i++) executable.Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.AreEqual(0L, allocated, "Run() allocated on the managed heap after warm-up.");
    }

    [TestMethod]
    public void Run_L2PoolAndLocalResponseNormGraph_AllocatesNothingAfterWarmUp()
    {
        var graph = new ComputationGraph();
        var pooling = new Pool2DGeometry(3, 3, 2, 2, Padding2D.Symmetric(1, 1));
        var lrn = new LocalResponseNorm(5, 1e-2f, 0.75f, 2f);
        Shape image = new(4, 8, 9, 9), pooled = new(4, 8, 5, 5);
        Value x = graph.Emit(new Placeholder("x", image), []), dy = graph.Emit(new Placeholder("dy", pooled), []);
        var y = graph.Emit(new L2Pool2D(pooling), x);
        var dx = graph.Emit(new L2Pool2DBackward(pooling), x, y, dy);
        var normalized = graph.Emit(lrn, x);
        var dn = graph.Emit(new LocalResponseNormBackward(lrn), x, normalized, x);
        var plan = ExecutionPlan.Create(graph, 4, [dx, dn]);
        using var backend = new ManagedBackend(2);
        using var store = backend.CreateParameterStore([]);
        using var executable = backend.Compile(plan, store);
        var random = new SeededRandom(2);
        executable.SetInput(x, KernelRunner.Random(random, image));
        executable.SetInput(dy, KernelRunner.Random(random, pooled));

        for (int i = 0; i < 3; i++) executable.Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 3; i++) executable.Run();

        Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before, "Run() allocated on the managed heap after warm-up.");
    }
}
