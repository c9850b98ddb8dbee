// The oneDNN backend end to end: primitives are created once per shape, a steady-state run allocates nothing on
// the caller's thread, and training the seed CNN reaches the managed backend's accuracy.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Backends.OneDnn;

[TestClass]
public sealed class OneDnnBackendTests
{
    private static readonly Lazy<FashionMnistData> Subset = new(FashionMnist.LoadSubset);

    [TestMethod]
    public void Compile_SamePlanTwice_ReusesEveryPrimitive()
    {
        using var backend = TestBackends.CreateOneDnn();
        var network = SeedCnn.Create([1, 28, 28], 10, seed: 1);
        using var graph = new LossGraphFixture(network, backend);

        using var first = graph.Compile(batch: 8);
        int afterFirst = backend.PrimitivesCreated;
        first.Run();
        first.Run();
        using var second = graph.Compile(batch: 8);
        second.Run();

        Assert.IsGreaterThan(0, afterFirst);
        Assert.AreEqual(afterFirst, backend.PrimitivesCreated, "primitives created by runs and by recompiling the same shapes");
    }

    [TestMethod]
    public void Run_SteadyState_AllocatesNothingOnTheCallerThread()
    {
        using var backend = TestBackends.CreateOneDnn();
        var network = SeedCnn.Create([1, 28, 28], 10, seed: 1);
        using var graph = new LossGraphFixture(network, backend);
        using var executable = graph.Compile(batch: 16);
        for (int i = 0; i < 3; i++) executable.Run();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) executable.Run();

        Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before, "bytes allocated by 10 runs after warm-up");
    }

    [TestMethod]
    public void Fit_SteadyState_TrainingStepsAllocateNothingOnTheCallerThread()
    {
        using var backend = TestBackends.CreateOneDnn();
        var allocated = new long[20];
        var progress = new Tests.Training.CallbackProgress(p => { if (p.Batch < allocated.Length) allocated[p.Batch] = GC.GetAllocatedBytesForCurrentThread(); });
        // Batch norm and dropout add running-statistics reads and managed kernels to the step.
        using var trainer = new Trainer(Tests.Training.TrainerTests.Tiny(seed: 1, normalized: true),
            new TrainerOptions { Epochs = 1, BatchSize = 16, Optimizer = new AdamW(), Backend = backend });

        trainer.Fit(Subset.Value.Train.Take(16 * 20), progress: progress);

        Assert.AreEqual(0L, allocated[19] - allocated[5], "bytes allocated by 14 training steps after warm-up");
    }

    [TestMethod]
    public void Run_SteadyState_AllocatesNothingOnTheComputeThread()
    {
        using var backend = TestBackends.CreateOneDnn();
        var network = SeedCnn.Create([1, 28, 28], 10, seed: 1);
        using var graph = new LossGraphFixture(network, backend);
        using var executable = graph.Compile(batch: 16);
        for (int i = 0; i < 3; i++) executable.Run();

        // Run() on the compute thread itself executes inline, so the thread's own allocation counter sees everything.
        long allocated = backend.ComputeThread.Invoke(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++) executable.Run();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        });

        Assert.AreEqual(0L, allocated, "bytes allocated on the compute thread by 10 runs after warm-up");
    }

    [TestMethod]
    public void Fit_SeedCnnSameSeed_ReachesManagedAccuracyWithinHalfAPoint()
    {
        if (!Cnn.Backends.OneDnn.Native.DnnlLibrary.Availability.IsAvailable) Assert.Inconclusive(Cnn.Backends.OneDnn.Native.DnnlLibrary.Availability.Description);
        double Accuracy(BackendKind kind)
        {
            var network = SeedCnn.Create([1, 28, 28], 10, seed: 7);
            using var trainer = new Trainer(network, new TrainerOptions
            {
                Optimizer = new Adam(1e-3f), Epochs = 1, BatchSize = 32, Seed = 7, BackendKind = kind, Threads = 2,
            });
            trainer.Fit(Subset.Value.Train.Take(2000));
            return trainer.Evaluate(Subset.Value.Test).Accuracy;
        }

        double managed = Accuracy(BackendKind.Managed), oneDnn = Accuracy(BackendKind.OneDnn);

        Assert.IsGreaterThan(0.6, managed, "the managed run did not learn, so the comparison would mean nothing");
        Assert.AreEqual(managed, oneDnn, 0.005, $"test accuracy: managed {managed:P2}, oneDNN {oneDnn:P2}");
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(8)]
    public void Run_WeightsChangedThroughStore_UsesNewWeightsAndMatchesManaged(int batch)
    {
        using var oneDnn = TestBackends.CreateOneDnn();
        using var managed = new Cnn.Backends.Managed.ManagedBackend(1);
        var network = SeedCnn.Create([1, 28, 28], 10, seed: 2);
        var images = new float[batch * 784];
        var random = new Cnn.Numerics.SeededRandom(4);
        for (int i = 0; i < images.Length; i++) images[i] = random.NextUniform(0f, 1f);
        using var fast = new Predictor(network, oneDnn, maxBatchSize: batch);
        using var reference = new Predictor(network, managed, maxBatchSize: batch);
        var before = fast.Predict(images, batch);

        // Reordered weight copies must be refreshed after the weights change (here: every weight doubled).
        foreach (var parameter in network.Parameters)
            for (int i = 0; i < parameter.Data.Length; i++) parameter.Data[i] *= 2f;
        fast.ReloadWeights();
        reference.ReloadWeights();
        var after = fast.Predict(images, batch);
        var expected = reference.Predict(images, batch);

        CollectionAssert.AreNotEqual(before, after);
        for (int i = 0; i < expected.Length; i++)
            Assert.AreEqual(expected[i], after[i], 1e-3 * (1 + Math.Abs(expected[i])), $"output {i}");
        Assert.AreEqual(batch < Cnn.Backends.OneDnn.OneDnnBackend.SingleThreadedBelowBatch ? 1 : 2, oneDnn.ThreadsFor(batch));
    }

    [TestMethod]
    public void Dispose_BackendBeforeItsExecutable_ReleasesTheExecutableAndRunThrows()
    {
        var backend = TestBackends.CreateOneDnn();
        var network = SeedCnn.Create([1, 28, 28], 10, seed: 1);
        var graph = new LossGraphFixture(network, backend);
        var executable = graph.Compile(batch: 2);
        executable.Run();

        backend.Dispose();

        Assert.ThrowsExactly<ObjectDisposedException>(executable.Run);
        executable.Dispose();
        graph.Dispose();
    }

    [TestMethod]
    public void Fit_SameSeedTwice_GivesBitIdenticalWeights()
    {
        float[][] Run()
        {
            using var backend = TestBackends.CreateOneDnn();
            var network = Tests.Training.TrainerTests.Tiny(seed: 3, normalized: true);
            using var trainer = new Trainer(network, new TrainerOptions { Epochs = 2, BatchSize = 50, Seed = 5, Backend = backend });
            trainer.Fit(Subset.Value.Train.Take(230));
            return network.Parameters.Select(p => p.Data.ToArray()).ToArray();
        }

        var first = Run();
        var second = Run();

        for (int p = 0; p < first.Length; p++) CollectionAssert.AreEqual(first[p], second[p], $"parameter {p}");
    }

    /// <summary>The seed CNN's training graph (forward, loss, gradients) on one backend, compiled per batch size.</summary>
    private sealed class LossGraphFixture : IDisposable
    {
        private readonly NetworkGraph _built;
        private readonly IBackend _backend;
        private readonly IParameterStore _store;
        private readonly Cnn.Graph.Value _loss;
        private readonly Cnn.Graph.Value _labels;
        private readonly GradientBinding[] _bindings;

        public LossGraphFixture(Network network, IBackend backend)
        {
            _backend = backend;
            _built = network.BuildGraph(NetworkMode.Training);
            var graph = _built.Graph;
            _labels = graph.Emit(new Cnn.Ops.Placeholder("labels", Cnn.Graph.Shape.Batched()));
            _loss = graph.Emit(new Cnn.Ops.SoftmaxCrossEntropy(), _built.Outputs[0], _labels);
            var reads = _built.Context.ParameterValues.ToArray();
            var gradients = Cnn.Autodiff.ReverseMode.Gradients(graph, _loss, reads.Select(r => r.Value).ToArray());
            _bindings = reads.Select((r, i) => new GradientBinding(r.Key, gradients[i])).ToArray();
            _store = backend.CreateParameterStore(network.Parameters);
        }

        public IExecutable Compile(int batch)
        {
            var executable = _backend.Compile(ExecutionPlan.Create(_built.Graph, batch, [_loss], _bindings), _store);
            var random = new Cnn.Numerics.SeededRandom(3);
            var images = new float[batch * 784];
            for (int i = 0; i < images.Length; i++) images[i] = random.NextUniform(0f, 1f);
            var labels = new float[batch];
            for (int i = 0; i < batch; i++) labels[i] = i % 10;
            executable.SetInput(_built.Inputs[0], images);
            executable.SetInput(_labels, labels);
            return executable;
        }

        public void Dispose() => _store.Dispose();
    }
}
