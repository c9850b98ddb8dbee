// The compiled executable owns every buffer its primitives point into, so a garbage collection between runs can
// neither free them nor hand their memory to another object. (The scratchpad once lost its last reference in graphs
// of primitives only, such as a global-pooling classifier's inference graph: oneDNN then wrote into freed memory of
// the pinned heap, which crashed the test host at a later collection.)
using Microsoft.ML.Cnn.Backends.OneDnn;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Backends.OneDnn;

[TestClass]
public sealed class OneDnnExecutableTests
{
    [TestMethod]
    public void Run_AfterGarbageCollections_WritesOnlyItsOwnBuffers()
    {
        using var backend = TestBackends.CreateOneDnn();
        // An inference graph of primitives only (no managed kernel: global pooling instead of Flatten), with
        // convolutions that need a scratchpad.
        var network = Network.Sequential([1, 28, 28],
        [
            new Conv2D(8, 3, activation: Activation.Relu), new MaxPool2D(2),
            new Conv2D(16, 5, stride: 2, activation: Activation.Relu), new GlobalAveragePool2D(), new Dense(10),
        ], seed: 3);
        var graph = network.BuildGraph(NetworkMode.Inference);
        using var store = backend.CreateParameterStore(network.Parameters);
        foreach (var parameter in network.Parameters) store.Upload(parameter);
        const int batch = 32;
        using var executable = (OneDnnExecutable)backend.Compile(ExecutionPlan.Create(graph.Graph, batch, [graph.Outputs[0]]), store);
        Assert.IsGreaterThan(0L, executable.ScratchpadLength, "the test needs primitives with a scratchpad");
        var random = new SeededRandom(5);
        var input = new float[batch * 28 * 28];
        for (int i = 0; i < input.Length; i++) input[i] = random.NextFloat();
        executable.SetInput(graph.Inputs[0], input);
        executable.Run();
        var expected = new float[batch * 10];
        executable.GetOutput(graph.Outputs[0], expected);

        // Collect, then let pinned arrays of the scratchpad's size take whatever memory was freed.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var bystanders = new List<float[]>();
        for (int i = 0; i < 64; i++)
        {
            var array = GC.AllocateArray<float>((int)executable.ScratchpadLength + MemoryPlanner.Alignment - i % 4 * 8, pinned: true);
            Array.Fill(array, 7f);
            bystanders.Add(array);
        }
        executable.SetInput(graph.Inputs[0], input);
        executable.Run();

        var actual = new float[batch * 10];
        executable.GetOutput(graph.Outputs[0], actual);
        CollectionAssert.AreEqual(expected, actual);
        for (int i = 0; i < bystanders.Count; i++)
            Assert.IsTrue(bystanders[i].All(v => v == 7f), $"pinned array {i}, allocated after the collection, was written by a primitive");
    }
}
