using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class WeightTransferTests
{
    private static Network Classifier(int classes, long seed) => Network.Sequential([1, 28, 28],
        [new Conv2D(4, 3, stride: 2, activation: Activation.Relu, name: "features"), new MaxPool2D(2), new Flatten(), new Dense(classes, name: "head")], seed);

    [TestMethod]
    public void Copy_NewHeadWithOtherClassCount_CopiesBodyAndReportsHead()
    {
        var trained = Classifier(10, seed: 1);
        var target = Classifier(3, seed: 2);
        var freshHead = target.GetLayer("head").Parameters[0].Data.ToArray();

        var report = WeightTransfer.Copy(trained, target);

        CollectionAssert.AreEqual(new[] { "features.weight", "features.bias" }, report.Copied.ToArray());
        Assert.HasCount(2, report.WrongShape);
        Assert.AreEqual(new Shape(10, 144), report.WrongShape[0].SourceShape);
        CollectionAssert.AreEqual(trained.GetLayer("features").Parameters[0].Data, target.GetLayer("features").Parameters[0].Data);
        CollectionAssert.AreEqual(freshHead, target.GetLayer("head").Parameters[0].Data);
        StringAssert.Contains(report.ToString(), "wrong shape: head.weight");
    }

    [TestMethod]
    public void Copy_NamedTensors_ReportsMissingAndUnused()
    {
        var target = Classifier(3, seed: 2);
        var tensors = new Dictionary<string, (Shape, float[])>
        {
            ["features.weight"] = (new Shape(4, 1, 3, 3), Enumerable.Repeat(0.5f, 36).ToArray()),
            ["fc.weight"] = (new Shape(3, 36), new float[108]),
        };
        var report = WeightTransfer.Copy(tensors, target);
        CollectionAssert.AreEqual(new[] { "features.weight" }, report.Copied.ToArray());
        CollectionAssert.AreEquivalent(new[] { "features.bias", "head.weight", "head.bias" }, report.Missing.ToArray());
        CollectionAssert.AreEqual(new[] { "fc.weight" }, report.Unused.ToArray());
        Assert.AreEqual(0.5f, target.Parameters[0].Data[0]);
    }

    [TestMethod]
    public void Copy_RenameToDuplicate_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => WeightTransfer.Copy(Classifier(3, 1), Classifier(3, 2), _ => "same"));

    [TestMethod]
    public void FineTune_FrozenBodyNewHead_BodyUnchangedHeadLearns()
    {
        var subset = FashionMnist.LoadSubset();
        var pretrained = Classifier(10, seed: 1);
        using (var trainer = new Trainer(pretrained, new TrainerOptions { Optimizer = new Adam(1e-3f), Epochs = 1, BatchSize = 64, Seed = 1 }))
            trainer.Fit(subset.Train.Take(512));

        // Fine-tune on a 2-class problem (T-shirt vs trouser) with the body frozen and a faster head.
        var tuned = Classifier(2, seed: 5);
        WeightTransfer.Copy(pretrained, tuned);
        tuned.GetLayer("features").Trainable = false;
        tuned.GetLayer("head").LearningRateMultiplier = 2f;
        var body = tuned.GetLayer("features").Parameters.Select(p => p.Data.ToArray()).ToArray();
        var twoClasses = TwoClassSubset(subset.Train, count: 300);

        using var fineTuner = new Trainer(tuned, new TrainerOptions { Optimizer = new Adam(1e-3f), Epochs = 6, BatchSize = 32, Seed = 2 });
        var history = fineTuner.Fit(twoClasses);

        for (int i = 0; i < body.Length; i++)
            CollectionAssert.AreEqual(body[i], tuned.GetLayer("features").Parameters[i].Data, "frozen body must not move");
        Assert.IsTrue(history.Epochs[^1].Accuracy > 0.9, $"head reached {history.Epochs[^1].Accuracy:P1}; epochs {string.Join(", ", history.Epochs.Select(e => e.Accuracy.ToString("P1")))}");
    }

    private static InMemoryDataset TwoClassSubset(InMemoryDataset data, int count)
    {
        int size = data.SampleShape.ElementCount;
        var features = new List<float>();
        var labels = new List<float>();
        for (int i = 0; i < data.Count && labels.Count < count; i++)
        {
            float label = data.Labels[i];
            if (label is not (0f or 1f)) continue;
            features.AddRange(data.Features.Slice(i * size, size).ToArray());
            labels.Add(label);
        }
        return new InMemoryDataset(features.ToArray(), data.SampleShape, labels.ToArray());
    }
}
