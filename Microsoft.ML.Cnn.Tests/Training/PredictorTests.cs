// Predictor: batching does not change results, probabilities are a softmax, stale weights reload, bad sizes throw.
using System.Numerics.Tensors;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed class PredictorTests
{
    private static float[] Images(int count)
    {
        var random = new SeededRandom(1);
        var images = new float[count * 784];
        for (int i = 0; i < images.Length; i++) images[i] = random.NextFloat();
        return images;
    }

    [TestMethod]
    public void Predict_SmallBatches_MatchesOneBatch()
    {
        var network = TrainerTests.Tiny(seed: 1);
        using var whole = new Predictor(network);
        using var batched = new Predictor(network, maxBatchSize: 4);

        CollectionAssert.AreEqual(whole.Predict(Images(10), 10), batched.Predict(Images(10), 10));
    }

    [TestMethod]
    public void PredictProbabilities_EachRow_SumsToOneAndKeepsTheArgMax()
    {
        using var predictor = new Predictor(TrainerTests.Tiny(seed: 1));
        var logits = predictor.Predict(Images(3), 3);

        var probabilities = predictor.PredictProbabilities(Images(3), 3);

        for (int n = 0; n < 3; n++)
        {
            var row = probabilities.AsSpan(n * 10, 10);
            Assert.AreEqual(1f, TensorPrimitives.Sum(row), 1e-5f);
            Assert.AreEqual(Classification.ArgMax(logits.AsSpan(n * 10, 10)), Classification.ArgMax(row));
        }
    }

    [TestMethod]
    public void ReloadWeights_AfterChangingTheNetwork_UsesTheNewWeights()
    {
        var network = TrainerTests.Tiny(seed: 1);
        using var predictor = new Predictor(network);
        var before = predictor.Predict(Images(1), 1);
        foreach (var parameter in network.Parameters) Array.Clear(parameter.Data);

        predictor.ReloadWeights();

        CollectionAssert.AreNotEqual(before, predictor.Predict(Images(1), 1));
        CollectionAssert.AreEqual(new float[10], predictor.Predict(Images(1), 1));
    }

    [TestMethod]
    public void Predict_WrongSizes_Throw()
    {
        using var predictor = new Predictor(TrainerTests.Tiny(seed: 1));

        Assert.ThrowsExactly<ArgumentException>(() => predictor.Predict(new float[783], 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => predictor.Predict([], 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Predictor(TrainerTests.Tiny(seed: 1), maxBatchSize: 0));
    }
}
