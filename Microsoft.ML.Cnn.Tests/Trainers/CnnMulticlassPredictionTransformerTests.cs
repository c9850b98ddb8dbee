// The fitted multiclass model: what it exposes, the annotations it writes, and the checks it makes on its input.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Trainers;

public sealed class UnnamedKeyQuadrantRow
{
    [KeyType(3)] public uint Label;
    [VectorType(1, 8, 8)] public float[] Features = [];
}

[TestClass]
public sealed class CnnMulticlassPredictionTransformerTests
{
    private static (MLContext Ml, IDataView Keyed, CnnMulticlassPredictionTransformer Model) Fit()
    {
        var ml = new MLContext(seed: 1);
        var view = ml.Data.LoadFromEnumerable(QuadrantData.Rows(30));
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(view).Transform(view);
        return (ml, keyed, ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.MaxEpoch = 2)).Fit(keyed));
    }

    [TestMethod]
    public void Properties_AfterFit_ExposeNetworkLabelsAndHistory()
    {
        var (_, keyed, model) = Fit();
        using var _ = model;

        Assert.AreEqual(new Shape(1, 8, 8), model.Network.InputShape);
        CollectionAssert.AreEqual(QuadrantData.ClassNames, model.LabelNames!.ToArray());
        Assert.AreEqual(keyed.Schema["Label"].Type, model.LabelType);
        Assert.HasCount(2, model.History!.Epochs);
        Assert.IsTrue(model.IsRowToRowMapper);
        Assert.AreEqual(("Features", "Score", "PredictedLabel", 256), (model.FeatureColumnName, model.ScoreColumnName, model.PredictedLabelColumnName, model.ScoringBatchSize));
    }

    [TestMethod]
    public void GetOutputSchema_PredictedLabel_CarriesTheLabelsKeyValues()
    {
        var (_, keyed, model) = Fit();
        using var _ = model;

        var predicted = model.GetOutputSchema(keyed.Schema)["PredictedLabel"];
        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        predicted.Annotations.GetValue(AnnotationKinds.KeyValues, ref keyValues);

        CollectionAssert.AreEqual(QuadrantData.ClassNames, keyValues.DenseValues().Select(v => v.ToString()).ToArray());
    }

    [TestMethod]
    public void Transform_FeaturesOfAnotherShape_FailsNamingTheTrainedShape()
    {
        var (ml, _, model) = Fit();
        using var _ = model;
        var flat = ml.Data.LoadFromEnumerable(new[] { new FlatQuadrantRow { Label = "x", Features = new float[64] } });

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.Transform(flat));

        StringAssert.Contains(error.Message, "'Features': expected samples of shape (1, 8, 8), as the model was trained on, got Vector<Single, 64> (samples of shape (64))");
    }

    [TestMethod]
    public void Transform_AfterDispose_Fails()
    {
        var (_, keyed, model) = Fit();
        var scored = model.Transform(keyed);
        model.Dispose();

        Assert.ThrowsExactly<ObjectDisposedException>(() => model.Transform(keyed));
        Assert.ThrowsExactly<ObjectDisposedException>(() => TransformRows.VectorColumn<float>(scored, "Score"));
    }

    [TestMethod]
    public void SaveLoad_WholePipeline_ScoresAndNamesAsBefore()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(QuadrantData.Rows(60));
        var model = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => { o.MaxEpoch = 2; o.ScoringBatchSize = 5; })))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(train);
        var test = ml.Data.LoadFromEnumerable(QuadrantData.Rows(12, seed: 6));

        var loaded = ImageRows.SaveAndLoad(model, train.Schema);

        var original = model.OfType<CnnMulticlassPredictionTransformer>().Single();
        var copy = ((IEnumerable<ITransformer>)loaded).OfType<CnnMulticlassPredictionTransformer>().Single();
        var expected = TransformRows.VectorColumn<float>(model.Transform(test), "Score");
        var actual = TransformRows.VectorColumn<float>(loaded.Transform(test), "Score");
        for (int i = 0; i < expected.Length; i++) CollectionAssert.AreEqual(expected[i], actual[i]);
        CollectionAssert.AreEqual(TransformRows.Text(model.Transform(test), "PredictedLabel"), TransformRows.Text(loaded.Transform(test), "PredictedLabel"));
        CollectionAssert.AreEqual(QuadrantData.ClassNames, copy.LabelNames!.ToArray());
        Assert.AreEqual((5, 2), (copy.ScoringBatchSize, copy.History!.Epochs.Count));
        Assert.AreEqual(original.History!.ToString(), copy.History.ToString());
    }

    [TestMethod]
    public void Fit_KeyLabelWithoutKeyValues_ScoresWithoutNames()
    {
        var ml = new MLContext(seed: 1);
        var rows = QuadrantData.Rows(30).Select((r, i) => new UnnamedKeyQuadrantRow { Label = (uint)(i % 3 + 1), Features = r.Features }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.MaxEpoch = 1));

        var scored = EstimatorWorkout.Run(trainer, data);
        using var model = trainer.Fit(data);

        Assert.IsNull(model.LabelNames);
        Assert.AreEqual(0, scored.Schema["Score"].Annotations.Schema.Count);
        Assert.AreEqual(0, scored.Schema["PredictedLabel"].Annotations.Schema.Count);
        Assert.IsTrue(TransformRows.Column<uint>(scored, "PredictedLabel").All(k => k is >= 1 and <= 3));
    }
}
