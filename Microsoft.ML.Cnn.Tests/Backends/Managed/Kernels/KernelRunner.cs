// Test helper: runs one op through the real managed path (graph, plan, backend, compile, run) on placeholder inputs.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

internal static class KernelRunner
{
    /// <summary>Every output of <paramref name="op"/> applied to placeholders holding <paramref name="inputs"/>.</summary>
    public static float[][] Run(Op op, Shape[] shapes, float[][] inputs, int threads = 2)
    {
        var graph = new ComputationGraph();
        var placeholders = new Value[shapes.Length];
        for (int i = 0; i < shapes.Length; i++) placeholders[i] = graph.Emit(new Placeholder($"input{i}", shapes[i]), []);
        var node = graph.EmitNode(op, placeholders);
        var plan = ExecutionPlan.Create(graph, shapes[0][0], node.Outputs);
        using var backend = new ManagedBackend(threads);
        using var store = backend.CreateParameterStore([]);
        using var executable = backend.Compile(plan, store);
        for (int i = 0; i < shapes.Length; i++) executable.SetInput(placeholders[i], inputs[i]);
        executable.Run();
        var results = new float[node.Outputs.Count][];
        for (int o = 0; o < results.Length; o++)
        {
            results[o] = new float[node.Outputs[o].Shape.ElementCount];
            executable.GetOutput(node.Outputs[o], results[o]);
        }
        return results;
    }

    public static float[] Random(SeededRandom random, Shape shape)
    {
        var data = new float[shape.ElementCount];
        for (int i = 0; i < data.Length; i++) data[i] = random.NextUniform(-1, 1);
        return data;
    }

    public static void AssertClose(float[] expected, float[] actual, float tolerance, string what)
    {
        Assert.HasCount(expected.Length, actual, what);
        for (int i = 0; i < expected.Length; i++)
            if (Math.Abs(expected[i] - actual[i]) > tolerance)
                Assert.Fail($"{what}: element {i} is {actual[i]}, expected {expected[i]}.");
    }
}
