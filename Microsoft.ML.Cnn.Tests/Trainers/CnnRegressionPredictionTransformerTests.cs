// The fitted regression model: Score is the network's output, and it round-trips through a model file.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class CnnRegressionPredictionTransformerTests
{
    [TestMethod]
    public void Transform_Score_IsTheNetworksOutput()
    {
        var ml = new MLContext(seed: 1);
        var rows = QuadrantData.RegressionRows(20);
        using var model = ml.Regression.Trainers.Cnn(QuadrantData.Options<CnnRegressionTrainer.Options>(o => o.MaxEpoch = 1)).Fit(ml.Data.LoadFromEnumerable(rows));
        using var predictor = new Predictor(model.Network);

        var scores = TransformRows.Column<float>(model.Transform(ml.Data.LoadFromEnumerable(rows)), "Score");

        var expected = predictor.Predict(rows.SelectMany(r => r.Features).ToArray(), rows.Length);
        for (int i = 0; i < rows.Length; i++) Assert.AreEqual(expected[i], scores[i], 1e-6f, $"row {i}");
    }

    [TestMethod]
    public void SaveLoad_FittedModel_ScoresAndHistoryAsBefore()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(QuadrantData.RegressionRows(30));
        using var model = ml.Regression.Trainers.Cnn(QuadrantData.Options<CnnRegressionTrainer.Options>(o => { o.MaxEpoch = 2; o.ValidationSetFraction = 0.3f; })).Fit(train);

        using var loaded = (CnnRegressionPredictionTransformer)ImageRows.SaveAndLoad(model, train.Schema);

        CollectionAssert.AreEqual(TransformRows.Column<float>(model.Transform(train), "Score"), TransformRows.Column<float>(loaded.Transform(train), "Score"));
        CollectionAssert.AreEqual(model.History!.Epochs.ToArray(), loaded.History!.Epochs.ToArray());
        Assert.AreEqual(model.History.Outcome, loaded.History.Outcome);
    }

    [TestMethod]
    public void Create_NetworkWithThreeOutputs_FailsAsNotARegressionModel()
    {
        var state = new CnnModelState(Network.Sequential([4], [new Dense(3)], seed: 1), "Features", null, BackendKind.Managed, null, 8);

        var error = Assert.ThrowsExactly<ArgumentException>(() => new CnnRegressionPredictionTransformer(state, "Score"));

        StringAssert.Contains(error.Message, "outputs one value, (1)");
    }
}
