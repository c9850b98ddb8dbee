// ClassifierEvaluation.Classify agrees with the trainer's own accuracy and names the classes.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

// Inside Microsoft.ML.Cnn.*, the namespace Microsoft.ML.Cnn.Evaluation would otherwise hide the engine class.

[TestClass]
public sealed class ClassifierEvaluationTests
{
    [TestMethod]
    public void Classify_TrainedNetwork_MatchesTrainerAccuracy()
    {
        var subset = FashionMnist.LoadSubset();
        var network = TrainerTests.Tiny(seed: 1);
        using var trainer = new Trainer(network, new TrainerOptions { Epochs = 1, BatchSize = 32 });
        trainer.Fit(subset.Train.Take(640));
        var test = subset.Test.Take(300);
        using var predictor = new Predictor(network, maxBatchSize: 64);

        var matrix = ClassifierEvaluation.Classify(predictor, test, FashionMnist.ClassNames);

        Assert.AreEqual(300, matrix.Total);
        Assert.AreEqual(trainer.Evaluate(test).Accuracy, matrix.Accuracy, 1e-12);
        StringAssert.Contains(matrix.ToString(), "Ankle boot");
    }

    [TestMethod]
    public void Classify_VectorLabels_Throws()
    {
        using var predictor = new Predictor(TrainerTests.Tiny(seed: 1));
        var data = new InMemoryDataset(new float[784], new Shape(1, 28, 28), new float[2], new Shape(2));

        Assert.ThrowsExactly<ArgumentException>(() => ClassifierEvaluation.Classify(predictor, data));
    }
}
