// The managed kernels' steady-state promise: a compiled training step allocates nothing on the managed heap.
// Measured on the calling thread (other test classes run concurrently in this process); with one thread that is all the work.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class ParallelKernelTests
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    public void Run_TrainingStepOfParallelKernels_AllocatesNothing(int threads)
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(4, 8, 8)));
        var labels = graph.Emit(new Placeholder("labels", Shape.Batched()));
        var gamma = graph.Emit(new Placeholder("gamma", new Shape(4)));
        var beta = graph.Emit(new Placeholder("beta", new Shape(4)));
        var normalized = graph.EmitNode(new BatchNormTraining(1e-5f), x, gamma, beta).Outputs[0];
        var pooled = graph.Emit(new MaxPool2D(new Pool2DGeometry(2, 2, 2, 2, Padding2D.None)), graph.Emit(new Eltwise(EltwiseFunction.Relu), normalized));
        var features = graph.Emit(new GlobalAvgPool(), graph.Emit(new AvgPool2D(new Pool2DGeometry(2, 2, 2, 2, Padding2D.None), false), pooled));
        var dropped = graph.EmitNode(new Dropout(0.2f, 1), graph.Emit(new Softmax(), features)).Outputs[0];
        var loss = graph.Emit(new SoftmaxCrossEntropy(0.1f), dropped, labels);
        var grads = ReverseMode.Gradients(graph, loss, [gamma, beta]);

        using var backend = new ManagedBackend(threads);
        var plan = ExecutionPlan.Create(graph, 6, [loss, .. grads]);
        using var store = backend.CreateParameterStore([]);
        using var executable = backend.Compile(plan, store);
        executable.SetInput(x, Enumerable.Range(0, 6 * 256).Select(i => MathF.Sin(i)).ToArray());
        executable.SetInput(labels, [0, 1, 2, 3, 0, 1]);
        executable.SetInput(gamma, [1, 1, 1, 1]);
        executable.SetInput(beta, [0, 0, 0, 0]);
        executable.Run(); // warm-up: first calls may JIT

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++) executable.Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.AreEqual(0L, allocated, "bytes allocated by 5 steady-state runs");
    }
}
