// End-to-end training on the embedded Fashion-MNIST subset with the managed backend: convergence, determinism,
// cancellation, early stopping, validation split, batch-norm statistics and steady-state allocations.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Optimizers.Schedules;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed partial class TrainerTests
{
    private static readonly Lazy<FashionMnistData> Subset = new(FashionMnist.LoadSubset);

    private static InMemoryDataset Train(int count) => Subset.Value.Train.Take(count);

    // A small CNN that trains in milliseconds per batch; with BatchNorm and Dropout when asked.
    internal static Network Tiny(long seed, bool normalized = false) => Network.Sequential([1, 28, 28], normalized
        ? [new Conv2D(4, 3, stride: 2, useBias: false), new BatchNorm(), new ReLU(), new MaxPool2D(2), new Flatten(), new Dropout(0.25f), new Dense(10)]
        : [new Conv2D(4, 3, stride: 2, activation: Activation.Relu), new MaxPool2D(2), new Flatten(), new Dense(10)], seed);

    [TestMethod]
    public void Fit_SeedCnnOneEpochOnSubset_ExceedsSeventyPercentOnTest()
    {
        var network = SeedCnn.Create([1, 28, 28], 10, seed: 1);
        using var trainer = new Trainer(network, new TrainerOptions { Optimizer = new Adam(1e-3f), Epochs = 1, BatchSize = 32, Seed = 1 });

        var history = trainer.Fit(Train(1500));
        var (_, accuracy) = trainer.Evaluate(Subset.Value.Test.Take(500));

        Assert.AreEqual(TrainingOutcome.Completed, history.Outcome);
        Assert.IsTrue(history.Epochs[0].Loss < Math.Log(10), $"mean training loss {history.Epochs[0].Loss} is not below chance level");
        Assert.IsTrue(accuracy > 0.70, $"test accuracy {accuracy:P1}");
    }

    [TestMethod]
    public void Fit_SameSeed_GivesBitIdenticalWeights()
    {
        float[][] Run()
        {
            var network = Tiny(seed: 3, normalized: true);
            using var trainer = new Trainer(network, new TrainerOptions { Epochs = 2, BatchSize = 50, Seed = 5 });
            trainer.Fit(Train(230));
            return network.Parameters.Select(p => p.Data.ToArray()).ToArray();
        }

        var first = Run();
        var second = Run();

        for (int i = 0; i < first.Length; i++) CollectionAssert.AreEqual(first[i], second[i], $"parameter {i}");
    }

    [TestMethod]
    public void Fit_CancelledAfterThreeBatches_ReturnsCancelledWithUsableWeights()
    {
        var network = Tiny(seed: 1);
        var initial = network.Parameters[0].Data.ToArray();
        using var cancellation = new CancellationTokenSource();
        var progress = new CallbackProgress(p => { if (p.Batch == 2) cancellation.Cancel(); });
        using var trainer = new Trainer(network, new TrainerOptions { Epochs = 3, BatchSize = 32 });

        var history = trainer.Fit(Train(320), progress: progress, cancellationToken: cancellation.Token);

        Assert.IsTrue(history.Cancelled);
        Assert.AreEqual(0, history.Epochs.Count);
        Assert.AreEqual(3, progress.Reports);
        CollectionAssert.AreNotEqual(initial, network.Parameters[0].Data, "three steps were taken");
        Assert.IsTrue(network.Parameters.All(p => p.Data.All(float.IsFinite)));
        using var predictor = new Predictor(network);
        Assert.AreEqual(10, predictor.Predict(new float[784], 1).Length);
    }

    [TestMethod]
    public void Fit_ValidationGetsWorse_StopsEarlyAndRestoresBestWeights()
    {
        var network = Tiny(seed: 2);
        float[][]? afterFirstEpoch = null;
        // Epoch 0 learns; from epoch 1 a huge rate wrecks the weights, so validation loss rises.
        var schedule = new EpochRates(0.05f, 50f);
        var progress = new CallbackProgress(p =>
        {
            if (p.Epoch == 0 && p.Batch == p.BatchesPerEpoch - 1) afterFirstEpoch = network.Parameters.Select(q => q.Data.ToArray()).ToArray();
        });
        var options = new TrainerOptions
        {
            Optimizer = new Sgd(1f, momentum: 0.9f), Schedule = schedule, Epochs = 6, BatchSize = 32,
            EarlyStopping = new EarlyStoppingOptions { Patience = 2 },
        };
        using var trainer = new Trainer(network, options);

        var history = trainer.Fit(Train(320), Subset.Value.Test.Take(200), progress);

        Assert.AreEqual(TrainingOutcome.StoppedEarly, history.Outcome, history.ToString());
        Assert.AreEqual(3, history.Epochs.Count);
        Assert.AreEqual(0, history.RestoredEpoch);
        for (int i = 0; i < afterFirstEpoch!.Length; i++) CollectionAssert.AreEqual(afterFirstEpoch[i], network.Parameters[i].Data);
        Assert.AreEqual(history.Epochs[0].ValidationLoss, trainer.Evaluate(Subset.Value.Test.Take(200)).Loss, 1e-9);
    }

    [TestMethod]
    public void Fit_ValidationFraction_IsSeeded()
    {
        double ValidationLoss(long seed)
        {
            using var trainer = new Trainer(Tiny(seed: 4), new TrainerOptions { Epochs = 1, BatchSize = 64, Seed = seed, ValidationFraction = 0.25 });
            var epoch = trainer.Fit(Train(256)).Epochs.Single();
            Assert.IsFalse(double.IsNaN(epoch.ValidationAccuracy));
            return epoch.ValidationLoss;
        }

        Assert.AreEqual(ValidationLoss(7), ValidationLoss(7));
        Assert.AreNotEqual(ValidationLoss(7), ValidationLoss(8));
    }

    [TestMethod]
    public void Fit_BatchNorm_UpdatesRunningStatisticsAsPyTorch()
    {
        // Input features [N, 3] straight into batch norm, so the batch statistics are those of the data.
        var input = Network.Input(3);
        var batchNorm = new BatchNorm(momentum: 0.1f);
        var network = new Network(input, new Dense(2).Call(batchNorm.Call(input)), seed: 0);
        float[] x = [1, 2, 3, /**/ 3, 0, 3, /**/ 5, 4, 3, /**/ 7, 2, 3];
        var data = new InMemoryDataset(x, new Shape(3), [0, 1, 0, 1]);
        using var trainer = new Trainer(network, new TrainerOptions { Epochs = 1, BatchSize = 4, Optimizer = new Sgd(0.01f) });

        trainer.Fit(data);

        var runningMean = batchNorm.Parameters.Single(p => p.Role == ParameterRole.RunningMean).Data;
        var runningVariance = batchNorm.Parameters.Single(p => p.Role == ParameterRole.RunningVariance).Data;
        // mean (4, 2, 3); unbiased variance (20/3, 8/3, 0).
        CollectionAssert.AreEqual(new[] { 0.4f, 0.2f, 0.3f }, runningMean, new Tolerance(1e-6f));
        CollectionAssert.AreEqual(new[] { 0.9f + 2f / 3, 0.9f + 0.8f / 3, 0.9f }, runningVariance, new Tolerance(1e-5f));
    }

    [TestMethod]
    public void Fit_SteadyState_TrainingStepsDoNotAllocate()
    {
        var allocated = new long[20];
        var progress = new CallbackProgress(p => { if (p.Batch < allocated.Length) allocated[p.Batch] = GC.GetAllocatedBytesForCurrentThread(); });
        using var trainer = new Trainer(Tiny(seed: 1, normalized: true), new TrainerOptions { Epochs = 1, BatchSize = 16, Optimizer = new AdamW() });

        trainer.Fit(Train(16 * 20), progress: progress);

        Assert.AreEqual(0L, allocated[19] - allocated[5], "bytes allocated by 14 training steps after warm-up");
    }

    [TestMethod]
    public void Fit_WeightDecayInOptionsOrOptimizer_GivesSameWeights()
    {
        float[] Run(TrainerOptions options)
        {
            var network = Tiny(seed: 6);
            using var trainer = new Trainer(network, options);
            trainer.Fit(Train(128));
            return network.Parameters[0].Data;
        }

        var viaOptions = Run(new TrainerOptions { Epochs = 1, Optimizer = new Sgd(0.1f), WeightDecay = 0.05f });
        var viaOptimizer = Run(new TrainerOptions { Epochs = 1, Optimizer = new Sgd(0.1f) { WeightDecay = 0.05f } });
        var without = Run(new TrainerOptions { Epochs = 1, Optimizer = new Sgd(0.1f) });

        CollectionAssert.AreEqual(viaOptimizer, viaOptions);
        CollectionAssert.AreNotEqual(without, viaOptions);
    }

    [TestMethod]
    public void Fit_MeanSquaredError_LearnsALinearMapWithoutAccuracy()
    {
        // y = 2 x0 - x1 + 0.5 on a grid of 64 points.
        var x = new float[128];
        var y = new float[64];
        for (int i = 0; i < 64; i++)
        {
            x[2 * i] = i % 8 / 4f - 1f;
            x[2 * i + 1] = i / 8 / 4f - 1f;
            y[i] = 2 * x[2 * i] - x[2 * i + 1] + 0.5f;
        }
        var input = Network.Input(2);
        var network = new Network(input, new Dense(1).Call(input), seed: 0);
        var options = new TrainerOptions { Loss = new MeanSquaredErrorLoss(), Optimizer = new Sgd(0.1f, momentum: 0.5f), Epochs = 40, BatchSize = 16 };
        using var trainer = new Trainer(network, options);

        var history = trainer.Fit(new InMemoryDataset(x, new Shape(2), y, new Shape(1)));

        Assert.IsTrue(history.Epochs[^1].Loss < 1e-4, history.ToString());
        Assert.IsTrue(double.IsNaN(history.Epochs[^1].Accuracy));
        var weight = network.Parameters.Single(p => p.Role == ParameterRole.Weight).Data;
        Assert.AreEqual(2f, weight[0], 0.01f);
        Assert.AreEqual(-1f, weight[1], 0.01f);
    }

    [TestMethod]
    public void Fit_WrongLabelShapeOrEarlyStoppingWithoutValidation_Throws()
    {
        using var trainer = new Trainer(Tiny(seed: 1), new TrainerOptions { EarlyStopping = new EarlyStoppingOptions() });
        var vectorLabels = new InMemoryDataset(new float[784], new Shape(1, 28, 28), new float[10], new Shape(10));

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => trainer.Fit(vectorLabels)).Message, "class indices");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => trainer.Fit(Train(10))).Message, "Early stopping");
    }

    private sealed class EpochRates(float first, float later) : ILearningRateSchedule
    {
        public float LearningRate(int epoch, float baseLearningRate) => epoch == 0 ? first : later;
    }

    private sealed class Tolerance(float delta) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Math.Abs((float)x! - (float)y!) <= delta ? 0 : 1;
    }
}

/// <summary>A progress sink that calls back synchronously and counts reports (Progress&lt;T&gt; would post and allocate).</summary>
internal sealed class CallbackProgress(Action<TrainingProgress> callback) : IProgress<TrainingProgress>
{
    public int Reports { get; private set; }

    public void Report(TrainingProgress value)
    {
        Reports++;
        callback(value);
    }
}
