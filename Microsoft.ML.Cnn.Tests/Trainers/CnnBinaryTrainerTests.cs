// The binary Cnn trainer: learning, its three output columns, and the label types it accepts and rejects.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Trainers;

public sealed class SingleLabelQuadrantRow
{
    public float Label;
    [VectorType(1, 8, 8)] public float[] Features = [];
}

public sealed class KeyLabelQuadrantRow
{
    [KeyType(2)] public uint Label;
    [VectorType(1, 8, 8)] public float[] Features = [];
}

[TestClass]
public sealed class CnnBinaryTrainerTests
{
    private static CnnBinaryTrainer Trainer(MLContext ml, Action<CnnBinaryTrainer.Options>? configure = null) =>
        ml.BinaryClassification.Trainers.Cnn(QuadrantData.Options(configure));

    [TestMethod]
    public void Fit_TopHalfQuadrants_PredictsHeldOutRows()
    {
        var ml = new MLContext(seed: 1);
        var test = QuadrantData.BinaryRows(40, seed: 2);

        using var model = Trainer(ml).Fit(ml.Data.LoadFromEnumerable(QuadrantData.BinaryRows(160)));
        var predicted = TransformRows.Column<bool>(model.Transform(ml.Data.LoadFromEnumerable(test)), "PredictedLabel");

        Assert.IsTrue(predicted.Where((p, i) => p == test[i].Label).Count() >= 38, $"{predicted.Where((p, i) => p == test[i].Label).Count()} of 40 right");
    }

    [TestMethod]
    public void Evaluate_ScoredHeldOutRows_GivesAHighAreaUnderTheRocCurve()
    {
        var ml = new MLContext(seed: 1);
        using var model = Trainer(ml).Fit(ml.Data.LoadFromEnumerable(QuadrantData.BinaryRows(160)));

        var metrics = ml.BinaryClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(QuadrantData.BinaryRows(40, seed: 2))));

        Assert.IsTrue(metrics.AreaUnderRocCurve > 0.97, $"AUC {metrics.AreaUnderRocCurve:F3}");
        Assert.IsTrue(metrics.LogLoss < 0.3, $"log-loss {metrics.LogLoss:F3}");
    }

    [TestMethod]
    public void Transform_Outputs_ScoreIsTheLogitOfProbabilityAndPredictionThresholdsIt()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(QuadrantData.BinaryRows(40));
        var trainer = Trainer(ml, o => o.MaxEpoch = 1);

        var scored = EstimatorWorkout.Run(trainer, train, invalidInput: ml.Data.LoadFromEnumerable(QuadrantData.Rows(4)));
        var score = TransformRows.Column<float>(scored, "Score");
        var probability = TransformRows.Column<float>(scored, "Probability");
        var predicted = TransformRows.Column<bool>(scored, "PredictedLabel");

        for (int i = 0; i < score.Length; i++)
        {
            Assert.AreEqual(1 / (1 + Math.Exp(-score[i])), probability[i], 1e-6);
            Assert.AreEqual(probability[i] > 0.5f, predicted[i]);
        }
        Assert.AreEqual(BooleanDataViewType.Instance, scored.Schema["PredictedLabel"].Type);
    }

    [TestMethod]
    public void Fit_SingleOrTwoValuedKeyLabels_AreAccepted()
    {
        var ml = new MLContext(seed: 1);
        var rows = QuadrantData.BinaryRows(60);
        var singles = rows.Select(r => new SingleLabelQuadrantRow { Label = r.Label ? 1f : -1f, Features = r.Features }).ToArray();
        var keys = rows.Select(r => new KeyLabelQuadrantRow { Label = r.Label ? 2u : 1u, Features = r.Features }).ToArray();

        using var fromSingles = Trainer(ml).Fit(ml.Data.LoadFromEnumerable(singles));
        using var fromKeys = Trainer(ml).Fit(ml.Data.LoadFromEnumerable(keys));

        var expected = rows.Select(r => r.Label).ToArray();
        CollectionAssert.AreEqual(expected, TransformRows.Column<bool>(fromSingles.Transform(ml.Data.LoadFromEnumerable(singles)), "PredictedLabel"));
        CollectionAssert.AreEqual(expected, TransformRows.Column<bool>(fromKeys.Transform(ml.Data.LoadFromEnumerable(keys)), "PredictedLabel"));
    }

    [TestMethod]
    public void Fit_ThreeValuedKeyLabel_FailsNamingTheAcceptedTypes()
    {
        var ml = new MLContext(seed: 1);
        var view = ml.Data.LoadFromEnumerable(QuadrantData.Rows(9));
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(view).Transform(view);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Trainer(ml).Fit(keyed));

        StringAssert.Contains(error.Message, "expected a Boolean label (or Single, positive above 0, or a key with 2 values) in the training data, got Key<UInt32, 0-2>");
    }
}
