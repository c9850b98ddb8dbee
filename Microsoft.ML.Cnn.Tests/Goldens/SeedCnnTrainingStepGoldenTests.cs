// One training step of the seed CNN against PyTorch: the network built from our layers with PyTorch's initial
// weights, then logits, loss, every gradient and the weights after one Adam and one SGD-momentum step, both through
// an explicit graph with the optimizer and through the Trainer.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Goldens;

[TestClass]
public sealed class SeedCnnTrainingStepGoldenTests
{
    private const string Folder = "seed_cnn", CaseName = "seed_cnn_training_step";

    public static IEnumerable<object[]> BackendsAndOptimizers =>
        TestBackends.All.SelectMany(b => new[] { new object[] { b.Name, "adam" }, new object[] { b.Name, "sgd" } });

    [TestMethod]
    [DynamicData(nameof(BackendsAndOptimizers))]
    public void Step_PyTorchInitialWeights_MatchesLossGradientsAndUpdatedWeights(string backendName, string optimizerName)
    {
        var fixture = GoldenFixture.Load(Folder, CaseName);
        var network = SeedCnn.Create([1, 28, 28], classes: 10);
        var parameters = LoadInitialWeights(fixture, network);
        using var backend = TestBackends.Named(backendName).Create();
        using var step = new TrainingStep(network, backend, fixture.Int("batch"));
        var optimizer = CreateOptimizer(fixture, optimizerName);
        string where = $"seed CNN on {backendName}";

        step.Run(fixture.Tensor("x").Data, fixture.Tensor("labels").Data);
        GoldenAssert.Close(fixture.Tensor("logits"), step.Logits, fixture.ForwardTolerance, $"{where}, logits");
        GoldenAssert.Close(fixture.Tensor("loss"), [step.Loss], fixture.ForwardTolerance, $"{where}, loss");
        // The managed store keeps gradients in canonical layout; a backend with private layouts must convert here.
        foreach (var (parameter, torchName) in parameters)
            GoldenAssert.Close(fixture.Tensor("grad." + torchName), step.Store.Gradients(parameter), fixture.GradientTolerance, $"{where}, gradient of {parameter.Name}");

        optimizer.Step(step.Store, network.Parameters, optimizer.LearningRate);
        foreach (var (parameter, torchName) in parameters)
        {
            step.Store.Download(parameter);
            GoldenAssert.Close(fixture.Tensor(optimizerName + "." + torchName), parameter.Data, fixture.ToleranceFor("update"), $"{where}, {parameter.Name} after one {optimizer} step");
        }

        // Two more steps on the same batch exercise the optimizer's moments; PyTorch's losses are in the manifest.
        var lossesAfter = fixture.Field("losses_after").GetProperty(optimizerName).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int i = 0; i < lossesAfter.Length; i++)
        {
            step.Run(fixture.Tensor("x").Data, fixture.Tensor("labels").Data);
            Assert.AreEqual(lossesAfter[i], step.Loss, 2e-4 * lossesAfter[i], $"{where}: loss after {i + 1} {optimizer} step(s).");
            optimizer.Step(step.Store, network.Parameters, optimizer.LearningRate);
        }
    }

    [TestMethod]
    [DynamicData(nameof(BackendsAndOptimizers))]
    public void Fit_OneFullBatchPerEpoch_MatchesPyTorchLossesAndUpdatedWeights(string backendName, string optimizerName)
    {
        var fixture = GoldenFixture.Load(Folder, CaseName);
        var network = SeedCnn.Create([1, 28, 28], classes: 10);
        var parameters = LoadInitialWeights(fixture, network);
        using var backend = TestBackends.Named(backendName).Create();
        var data = new InMemoryDataset(fixture.Tensor("x").Data, new Shape(1, 28, 28), fixture.Tensor("labels").Data);
        var optimizer = CreateOptimizer(fixture, optimizerName);
        using var trainer = new Trainer(network, new TrainerOptions
        {
            Loss = new SoftmaxCrossEntropyLoss(), Optimizer = optimizer, Epochs = 1, BatchSize = fixture.Int("batch"), Backend = backend,
        });
        string where = $"seed CNN trained by Trainer on {backendName}";

        // One epoch is one step on the whole batch: its loss is the initial loss, then the weights are one step on.
        var first = trainer.Fit(data);
        Assert.AreEqual(fixture.Tensor("loss").Data[0], first.Epochs[0].Loss, 1e-4, $"{where}: loss of the first step.");
        foreach (var (parameter, torchName) in parameters)
            GoldenAssert.Close(fixture.Tensor(optimizerName + "." + torchName), parameter.Data, fixture.ToleranceFor("update"), $"{where}, {parameter.Name} after one {optimizer} step");

        // Further Fit calls continue with the optimizer's moments, as PyTorch's loop does.
        var lossesAfter = fixture.Field("losses_after").GetProperty(optimizerName).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int i = 0; i < lossesAfter.Length; i++)
            Assert.AreEqual(lossesAfter[i], trainer.Fit(data).Epochs[0].Loss, 2e-4 * lossesAfter[i], $"{where}: loss after {i + 1} {optimizer} step(s).");
    }

    [TestMethod]
    public void LoadInitialWeights_EveryParameterMapped_NoneLeftOver()
    {
        var fixture = GoldenFixture.Load(Folder, CaseName);
        var network = SeedCnn.Create([1, 28, 28], classes: 10);
        var mapped = LoadInitialWeights(fixture, network);
        Assert.HasCount(network.Parameters.Count, mapped);
        Assert.AreEqual(225_034, network.Parameters.Sum(p => p.Data.Length));
    }

    /// <summary>Copies PyTorch's initial weights into our parameters: conv1, conv2, fc1, fc2 are conv2d_1, conv2d_2, dense_1, dense_2.</summary>
    private static List<(Parameter Parameter, string TorchName)> LoadInitialWeights(GoldenFixture fixture, Network network)
    {
        var nameMap = fixture.Attributes.GetProperty("name_map").EnumerateObject().ToDictionary(p => p.Value.GetString()!, p => p.Name);
        var result = new List<(Parameter, string)>();
        foreach (var parameter in network.Parameters)
        {
            string[] parts = parameter.Name.Split('.');
            Assert.IsTrue(nameMap.TryGetValue(parts[0], out var torchModule), $"No PyTorch module maps to layer '{parts[0]}'.");
            string torchName = $"{torchModule}.{parts[1]}";
            var initial = fixture.Tensor("initial." + torchName);
            Assert.AreEqual(parameter.Shape, initial.Shape, $"{parameter.Name} vs PyTorch {torchName}: the layouts must agree (OIHW, [out, in]).");
            initial.Data.CopyTo(parameter.Data, 0);
            result.Add((parameter, torchName));
        }
        return result;
    }

    private static Optimizer CreateOptimizer(GoldenFixture fixture, string name)
    {
        var settings = fixture.Field("optimizers").GetProperty(name);
        float F(string key) => settings.GetProperty(key).GetSingle();
        return name switch
        {
            "adam" => new Adam(F("learning_rate"), F("beta1"), F("beta2"), F("epsilon")),
            "sgd" => new Sgd(F("learning_rate"), F("momentum")),
            _ => throw new ArgumentException($"No optimizer '{name}' in the seed CNN golden case.", nameof(name)),
        };
    }

    /// <summary>The training graph (network, softmax cross-entropy, reverse mode) compiled for one batch size.</summary>
    private sealed class TrainingStep : IDisposable
    {
        private readonly IExecutable _executable;
        private readonly Value _input, _labels, _logits, _loss;
        private readonly float[] _lossBuffer = new float[1];

        public TrainingStep(Network network, IBackend backend, int batchSize)
        {
            var built = network.BuildGraph(NetworkMode.Training);
            var graph = built.Graph;
            _input = built.Inputs[0];
            _logits = built.Outputs[0];
            _labels = graph.Emit(new Placeholder("labels", Shape.Batched()));
            _loss = graph.Emit(new SoftmaxCrossEntropy(), _logits, _labels);
            var trained = built.Context.ParameterValues.Where(read => read.Key.RequiresGradient).ToArray();
            var gradients = ReverseMode.Gradients(graph, _loss, trained.Select(read => read.Value).ToArray());
            var bindings = trained.Select((read, i) => new GradientBinding(read.Key, gradients[i])).ToArray();
            Store = backend.CreateParameterStore(network.Parameters);
            _executable = backend.Compile(ExecutionPlan.Create(graph, batchSize, [_logits, _loss], bindings), Store);
            Logits = new float[batchSize * _logits.Shape[1]];
        }

        public IParameterStore Store { get; }

        public float[] Logits { get; }

        public float Loss => _lossBuffer[0];

        public void Run(float[] images, float[] labels)
        {
            _executable.SetInput(_input, images);
            _executable.SetInput(_labels, labels);
            _executable.Run();
            _executable.GetOutput(_logits, Logits);
            _executable.GetOutput(_loss, _lossBuffer);
        }

        public void Dispose()
        {
            _executable.Dispose();
            Store.Dispose();
        }
    }
}
