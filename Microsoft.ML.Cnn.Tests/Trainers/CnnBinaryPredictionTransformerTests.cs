// The fitted binary model: its columns' relation to the logit, its consistency check, and save/load.
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class CnnBinaryPredictionTransformerTests
{
    [TestMethod]
    public void SaveLoad_FittedModel_GivesTheSameThreeColumns()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(QuadrantData.BinaryRows(40));
        using var model = ml.BinaryClassification.Trainers.Cnn(QuadrantData.Options<CnnBinaryTrainer.Options>(o => o.MaxEpoch = 1)).Fit(train);

        var loaded = (CnnBinaryPredictionTransformer)ImageRows.SaveAndLoad(model, train.Schema);

        foreach (string column in new[] { "Score", "Probability" })
            CollectionAssert.AreEqual(TransformRows.Column<float>(model.Transform(train), column), TransformRows.Column<float>(loaded.Transform(train), column), column);
        CollectionAssert.AreEqual(TransformRows.Column<bool>(model.Transform(train), "PredictedLabel"), TransformRows.Column<bool>(loaded.Transform(train), "PredictedLabel"));
        Assert.AreEqual((BackendKind.Managed, (int?)1), (loaded.Backend, loaded.NumberOfThreads));
        loaded.Dispose();
    }

    [TestMethod]
    public void Create_NetworkWithTwoOutputs_FailsAsNotABinaryClassifier()
    {
        var network = Network.Sequential([4], [new Dense(2)], seed: 1);
        var state = new CnnModelState(network, "Features", null, BackendKind.Managed, 1, 8);

        var error = Assert.ThrowsExactly<ArgumentException>(() => new CnnBinaryPredictionTransformer(state, "Score", "Probability", "PredictedLabel"));

        StringAssert.Contains(error.Message, "outputs one logit, (1)");
    }

    [TestMethod]
    [DataRow(0f, 0.5f)]
    [DataRow(2f, 0.880797f)]
    [DataRow(-30f, 9.357623e-14f)]
    public void Sigmoid_Logit_IsTheProbabilityOfThePositiveClass(float logit, float probability)
    {
        Assert.AreEqual(probability, CnnBinaryPredictionTransformer.Sigmoid(logit), 1e-6f * Math.Max(probability, 1e-7f));
    }
}
