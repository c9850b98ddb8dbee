// Reverse mode's bookkeeping: fan-in gradients are summed, inputs needing no gradient get no backward ops,
// and targets the loss does not depend on get zeros.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Autodiff;

[TestClass]
public sealed class ReverseModeTests
{
    [TestMethod]
    public void Gradients_ValueUsedTwice_SumsBothPaths()
    {
        // loss = mean((a + b)^2) with a = b = x, so dloss/dx = 2 * 2(2x)/count = 8x/count.
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", new Shape(2, 3)));
        var zeros = graph.Emit(new Fill(new Shape(2, 3), 0f));
        var a = graph.Emit(new Reshape(new Shape(2, 3)), x);
        var b = graph.Emit(new Reshape(new Shape(2, 3)), x);
        var loss = graph.Emit(new MeanSquaredError(), graph.Emit(new Add(), a, b), zeros);

        var dx = ReverseMode.Gradients(graph, loss, [x])[0];

        Assert.IsInstanceOfType<Add>(dx.Producer.Op, "the two paths' gradients meet in an Add");
        float[] xs = [1, -2, 3, 0.5f, -1, 2];
        float[] actual = Run(graph, dx, (x, xs));
        for (int i = 0; i < xs.Length; i++) Assert.AreEqual(8 * xs[i] / 6, actual[i], 1e-5);
    }

    [TestMethod]
    public void Gradients_InputNotATarget_EmitsNoBackwardOpForIt()
    {
        var graph = new ComputationGraph();
        var image = graph.Emit(new Placeholder("image", Shape.Batched(4)));
        var weight = graph.Emit(new Placeholder("weight", new Shape(3, 4)));
        var labels = graph.Emit(new Placeholder("labels", Shape.Batched()));
        var logits = graph.Emit(new Dense(false), image, weight);
        var loss = graph.Emit(new SoftmaxCrossEntropy(), logits, labels);

        ReverseMode.Gradients(graph, loss, [weight]);

        var ops = graph.Nodes.Select(n => n.Op).ToArray();
        Assert.IsTrue(ops.Any(op => op is DenseBackwardWeights), "the weight's gradient is computed");
        Assert.IsFalse(ops.Any(op => op is DenseBackwardData), "no gradient for the input image");
    }

    [TestMethod]
    public void Gradients_UnreachableTarget_IsZerosOfItsShape()
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", new Shape(2, 2)));
        var unused = graph.Emit(new Placeholder("unused", new Shape(3)));
        var loss = graph.Emit(new MeanSquaredError(), x, graph.Emit(new Fill(new Shape(2, 2), 1f)));

        var gradient = ReverseMode.Gradients(graph, loss, [unused])[0];

        Assert.AreEqual(new Shape(3), gradient.Shape);
        CollectionAssert.AreEqual(new float[3], Run(graph, gradient, (x, [1, 2, 3, 4]), (unused, [5, 6, 7])));
    }

    [TestMethod]
    public void Gradients_NonScalarLoss_Throws()
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", new Shape(2)));
        Assert.ThrowsExactly<ArgumentException>(() => ReverseMode.Gradients(graph, x, [x]));
    }

    private static float[] Run(ComputationGraph graph, Value output, params (Value Input, float[] Data)[] inputs)
    {
        using var backend = new ManagedBackend(threads: 1);
        var plan = ExecutionPlan.Create(graph, 1, [output]);
        using var store = backend.CreateParameterStore([]);
        using var executable = backend.Compile(plan, store);
        foreach (var (input, data) in inputs)
            if (plan.Inputs.Contains(input)) executable.SetInput(input, data);
        executable.Run();
        var result = new float[plan.ShapeOf(output).ElementCount];
        executable.GetOutput(output, result);
        return result;
    }
}
