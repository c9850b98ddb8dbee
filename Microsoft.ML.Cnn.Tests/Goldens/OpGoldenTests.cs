// Every op case of TestData/Goldens/ops run through a graph on every test backend: forward by the op itself,
// gradients by reverse mode on L = sum(upstream * output), both compared with PyTorch.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Goldens;

[TestClass]
public sealed class OpGoldenTests
{
    public static IEnumerable<object[]> Cases =>
        GoldenFixture.CaseNames("ops").SelectMany(name => TestBackends.All.Select(b => new object[] { name, b.Name }));

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Run_PyTorchCase_MatchesForwardAndGradients(string caseName, string backendName)
    {
        var fixture = GoldenFixture.Load("ops", caseName);
        using var backend = TestBackends.Named(backendName).Create();
        RunCase(fixture, backend, backendName);
    }

    [TestMethod]
    public void Cases_CoverEveryGoldenOp()
    {
        var ops = GoldenFixture.CaseNames("ops").Select(c => GoldenFixture.Load("ops", c).Op).ToHashSet();
        string[] expected = ["conv2d", "max_pool2d", "avg_pool2d", "global_avg_pool", "linear", "eltwise", "softmax",
            "batch_norm_training", "batch_norm_inference", "cross_entropy", "binary_cross_entropy_with_logits", "mse_loss", "concat",
            "lp_pool2d", "local_response_norm"];
        CollectionAssert.AreEquivalent(expected, ops.ToArray());
    }

    private static void RunCase(GoldenFixture fixture, IBackend backend, string backendName)
    {
        var graph = new ComputationGraph();
        var inputs = fixture.Inputs.Select(i => graph.Emit(new Placeholder(i.Name, GraphShape(fixture, i)))).ToArray();
        var forward = graph.EmitNode(GoldenOps.Create(fixture), inputs);
        var outputs = fixture.Outputs.Select((name, i) => (Name: name, Value: forward.Outputs[i])).ToArray();
        Assert.AreEqual(forward.Outputs.Count, outputs.Length, $"{fixture.Case}: the op's output count differs from the fixture's.");

        var upstream = new List<(string Tensor, Value Placeholder)>();
        var lossInputs = new List<Value>();
        foreach (var (name, value) in outputs)
        {
            if (!fixture.Upstream.TryGetValue(name, out var tensor)) continue;
            var placeholder = graph.Emit(new Placeholder(tensor, value.Shape));
            upstream.Add((tensor, placeholder));
            lossInputs.Add(value);
            lossInputs.Add(placeholder);
        }
        var loss = graph.Emit(new UpstreamWeightedSum(), lossInputs.ToArray());
        var wrt = fixture.Inputs.Select((input, i) => (input, Value: inputs[i])).Where(p => p.input.Differentiable).ToArray();
        var gradients = ReverseMode.Gradients(graph, loss, wrt.Select(p => p.Value).ToArray());

        int batch = fixture.Tensor(fixture.Inputs.First(i => i.Batched).Name).Shape[0];
        var plan = ExecutionPlan.Create(graph, batch, [.. outputs.Select(o => o.Value), .. gradients]);
        using var store = backend.CreateParameterStore([]);
        using var executable = backend.Compile(plan, store);
        for (int i = 0; i < inputs.Length; i++) SetIfUsed(executable, inputs[i], fixture.Tensor(fixture.Inputs[i].Name));
        foreach (var (tensor, placeholder) in upstream) SetIfUsed(executable, placeholder, fixture.Tensor(tensor));
        executable.Run();

        string where = $"{fixture.Case} on {backendName}";
        foreach (var (name, value) in outputs)
            GoldenAssert.Close(fixture.Tensor(name), Read(executable, value), fixture.ForwardTolerance, $"{where}, output {name}");
        for (int i = 0; i < wrt.Length; i++)
        {
            var expected = fixture.Tensor(fixture.Gradients[wrt[i].input.Name]);
            GoldenAssert.Close(expected, Read(executable, gradients[i]), fixture.GradientTolerance, $"{where}, gradient of {wrt[i].input.Name}");
        }
    }

    /// <summary>Batched inputs keep a symbolic batch, as activations do in a network graph.</summary>
    private static Shape GraphShape(GoldenFixture fixture, GoldenInput input)
    {
        var shape = fixture.Tensor(input.Name).Shape;
        return input.Batched ? Shape.Batched(shape.SampleShape.ToArray()) : shape;
    }

    private static void SetIfUsed(IExecutable executable, Value placeholder, GoldenTensor tensor)
    {
        if (executable.Plan.Inputs.Contains(placeholder)) executable.SetInput(placeholder, tensor.Data);
    }

    private static float[] Read(IExecutable executable, Value value)
    {
        var result = new float[executable.Plan.ShapeOf(value).ElementCount];
        executable.GetOutput(value, result);
        return result;
    }
}
