// Training from streamed batch sources: the same epoch loop as in-memory data, sample weights, augmentation of
// training batches only, and the errors of sources that cannot be used.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

public sealed partial class TrainerTests
{
    /// <summary>A source that streams another one, giving each sample a weight chosen from its label.</summary>
    private sealed class WeightedSource(IBatchSource inner, Func<float, float> weightOfLabel) : IBatchSource
    {
        public Shape SampleShape => inner.SampleShape;
        public Shape LabelShape => inner.LabelShape;
        public bool HasSampleWeights => true;
        public long? Count => inner.Count;
        public int Opened { get; private set; }

        public IBatchReader Open(int epoch)
        {
            Opened++;
            return new Reader(inner.Open(epoch), weightOfLabel);
        }

        private sealed class Reader(IBatchReader inner, Func<float, float> weightOfLabel) : IBatchReader
        {
            public int Read(Span<float> features, Span<float> labels, Span<float> weights)
            {
                int n = inner.Read(features, labels, []);
                for (int i = 0; i < n; i++) weights[i] = weightOfLabel(labels[i]);
                return n;
            }

            public void Dispose() => inner.Dispose();
        }
    }

    private static IBatchSource Stream(ITrainingData data, long seed = 0) => new IndexedBatchSource(data, SeededRandom.ForStream(seed, 0));

    private static float[][] Weights(Network network) => network.Parameters.Select(p => p.Data.ToArray()).ToArray();

    [TestMethod]
    public void Fit_BatchSourceInTheTrainersOrder_GivesTheSameWeightsAsInMemoryData()
    {
        var inMemory = Tiny(seed: 3);
        var streamed = Tiny(seed: 3);
        var options = new TrainerOptions { Epochs = 2, BatchSize = 24, Seed = 5 };

        using (var trainer = new Trainer(inMemory, options)) trainer.Fit(Train(100));
        using (var trainer = new Trainer(streamed, options)) trainer.Fit(Stream(Train(100), seed: 5));

        var expected = Weights(inMemory);
        for (int i = 0; i < expected.Length; i++) CollectionAssert.AreEqual(expected[i], streamed.Parameters[i].Data, $"parameter {i}");
    }

    [TestMethod]
    public void Fit_SampleWeights_UniformOnesChangeNothingAndUnevenOnesDo()
    {
        float[][] Run(Func<float, float>? weight)
        {
            var network = Tiny(seed: 1);
            using var trainer = new Trainer(network, new TrainerOptions { Epochs = 1, BatchSize = 32, Optimizer = new Sgd(0.1f) });
            trainer.Fit(weight is null ? Stream(Train(96)) : new WeightedSource(Stream(Train(96)), weight));
            return Weights(network);
        }

        var unweighted = Run(null);
        var uniform = Run(_ => 2f);
        var uneven = Run(label => label == 0 ? 5f : 1f);

        for (int i = 0; i < unweighted.Length; i++) CollectionAssert.AreEqual(unweighted[i], uniform[i], new Tolerance(1e-6f), $"parameter {i}");
        CollectionAssert.AreNotEqual(unweighted[0], uneven[0]);
    }

    [TestMethod]
    public void Fit_AugmentedBatchSource_AugmentsTrainingButNotValidation()
    {
        var plain = Tiny(seed: 2);
        var augmented = Tiny(seed: 2);
        var validation = Stream(Subset.Value.Test.Take(64));
        using (var trainer = new Trainer(plain, new TrainerOptions { Epochs = 1, BatchSize = 32 })) trainer.Fit(Stream(Train(96)));
        using var augmentedTrainer = new Trainer(augmented, new TrainerOptions { Epochs = 1, BatchSize = 32, Augmentation = new ImageAugmentation(HorizontalFlip: true, MaxTranslation: 2) });
        var history = augmentedTrainer.Fit(Stream(Train(96)), validation);

        CollectionAssert.AreNotEqual(plain.Parameters[0].Data, augmented.Parameters[0].Data, "training batches were augmented");
        Assert.AreEqual(history.Epochs[0].ValidationLoss, augmentedTrainer.Evaluate(validation).Loss, 1e-9, "validation batches were not");
    }

    [TestMethod]
    public void Fit_StreamOfUnknownLength_ReportsBatchesSeenSoFar()
    {
        var counts = new List<int>();
        var source = new WeightedSource(Stream(Train(70)), _ => 1f);
        using var trainer = new Trainer(Tiny(seed: 1), new TrainerOptions { Epochs = 1, BatchSize = 32 });

        trainer.Fit(new UnknownLength(source), progress: new CallbackProgress(p => counts.Add(p.BatchesPerEpoch)));

        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, counts);
        Assert.AreEqual(1, source.Opened);
    }

    [TestMethod]
    public void Fit_BatchSourceWithValidationFraction_FailsSayingWhereToSplit()
    {
        using var trainer = new Trainer(Tiny(seed: 1), new TrainerOptions { ValidationFraction = 0.2 });

        var error = Assert.ThrowsExactly<ArgumentException>(() => trainer.Fit(Stream(Train(10))));

        StringAssert.Contains(error.Message, "split a batch source where it is created");
    }

    [TestMethod]
    public void Fit_SourceWithoutSamples_FailsInTheFirstEpoch()
    {
        using var trainer = new Trainer(Tiny(seed: 1), new TrainerOptions());

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => trainer.Fit(new UnknownLength(new WeightedSource(Stream(Train(10)), _ => 1f), limit: 0)));

        Assert.AreEqual("The training data gave no samples in epoch 1; there is nothing to train on.", error.Message);
    }

    /// <summary>Hides another source's count (and optionally stops after <c>limit</c> samples), as a stream of unknown length.</summary>
    private sealed class UnknownLength(IBatchSource inner, int limit = int.MaxValue) : IBatchSource
    {
        public Shape SampleShape => inner.SampleShape;
        public Shape LabelShape => inner.LabelShape;
        public bool HasSampleWeights => inner.HasSampleWeights;
        public long? Count => null;

        public IBatchReader Open(int epoch) => new Reader(inner.Open(epoch), limit);

        private sealed class Reader(IBatchReader inner, int limit) : IBatchReader
        {
            private int _read;

            public int Read(Span<float> features, Span<float> labels, Span<float> weights)
            {
                if (_read >= limit) return 0;
                int n = inner.Read(features, labels, weights);
                _read += n;
                return n;
            }

            public void Dispose() => inner.Dispose();
        }
    }
}
