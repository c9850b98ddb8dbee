// Batched scoring: a cursor reads ahead a batch, scores it in one forward pass and serves the rows, so the result
// must be the same as scoring row by row, with the other input columns and positions kept in step.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Transforms.Conversion;

namespace Microsoft.ML.Cnn.Tests.Trainers;

public sealed class QuadrantPrediction
{
    public float[] Score = [];
    public string PredictedLabel = "";
}

[TestClass]
public sealed class ScoringDataViewTests
{
    private static readonly Lazy<(MLContext Ml, ValueToKeyMappingTransformer Keys, CnnMulticlassPredictionTransformer Model)> Trained = new(() =>
    {
        var ml = new MLContext(seed: 1);
        var view = ml.Data.LoadFromEnumerable(QuadrantData.Rows(60));
        var keys = ml.Transforms.Conversion.MapValueToKey("Label").Fit(view);
        var model = ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => { o.MaxEpoch = 1; o.ScoringBatchSize = 7; })).Fit(keys.Transform(view));
        return (ml, keys, model);
    });

    private static IDataView Keyed(params QuadrantRow[] rows) => Trained.Value.Keys.Transform(Trained.Value.Ml.Data.LoadFromEnumerable(rows));

    [TestMethod]
    public void Cursor_BatchesOfSeven_ScoreAsRowByRowScoring()
    {
        var rows = QuadrantData.Rows(20, seed: 3);
        var model = Trained.Value.Model;

        var batched = TransformRows.VectorColumn<float>(model.Transform(Keyed(rows)), "Score");

        Assert.HasCount(20, batched);
        for (int i = 0; i < rows.Length; i++)
        {
            var single = TransformRows.VectorColumn<float>(model.Transform(Keyed(rows[i])), "Score").Single();
            for (int k = 0; k < 3; k++) Assert.AreEqual(single[k], batched[i][k], 1e-6f, $"row {i} class {k}");
        }
    }

    [TestMethod]
    public void Cursor_ReadingInputsWithScores_KeepsThemInStepAcrossBatches()
    {
        var rows = QuadrantData.Rows(17, seed: 4);
        var scored = Trained.Value.Model.Transform(Keyed(rows));
        var columns = new[] { scored.Schema["Label"], scored.Schema["Features"], scored.Schema["PredictedLabel"] };

        using var cursor = scored.GetRowCursor(columns);
        var label = cursor.GetGetter<uint>(columns[0]);
        var features = cursor.GetGetter<VBuffer<float>>(columns[1]);
        var predicted = cursor.GetGetter<uint>(columns[2]);
        uint key = 0, prediction = 0;
        VBuffer<float> pixels = default;
        int row = 0;
        while (cursor.MoveNext())
        {
            Assert.AreEqual(row, cursor.Position);
            label(ref key);
            features(ref pixels);
            predicted(ref prediction);
            Assert.AreEqual((uint)(row % 3 + 1), key, $"row {row}");
            CollectionAssert.AreEqual(rows[row].Features, pixels.ToArray(), $"row {row}");
            Assert.IsTrue(prediction is >= 1 and <= 3);
            row++;
        }
        Assert.AreEqual(17, row);
    }

    [TestMethod]
    public void Cursor_OnlyInputColumns_DoesNotReadFeaturesOrScore()
    {
        var source = new CountingDataView(Keyed(QuadrantData.Rows(10)), "Features");
        var scored = Trained.Value.Model.Transform(source);

        var labels = TransformRows.Column<uint>(scored, "Label");

        Assert.HasCount(10, labels);
        CollectionAssert.AreEqual(new[] { "Label" }, source.Cursors.Single().Columns);
        Assert.AreEqual(0L, source.ValuesRead);
    }

    [TestMethod]
    public void Cursor_ScoreOnly_ActivatesTheFeatureColumnAndReadsEachRowOnce()
    {
        var source = new CountingDataView(Keyed(QuadrantData.Rows(10)), "Features");
        var scored = Trained.Value.Model.Transform(source);

        TransformRows.VectorColumn<float>(scored, "Score");

        CollectionAssert.AreEqual(new[] { "Features" }, source.Cursors.Single().Columns);
        Assert.AreEqual(10L, source.ValuesRead);
    }

    [TestMethod]
    public void Cursor_FeaturesWithScores_ReadsEachRowsFeaturesOnce()
    {
        var source = new CountingDataView(Keyed(QuadrantData.Rows(10)), "Features");
        var scored = Trained.Value.Model.Transform(source);
        var columns = new[] { scored.Schema["Features"], scored.Schema["Score"] };

        using (var cursor = scored.GetRowCursor(columns))
        {
            var features = cursor.GetGetter<VBuffer<float>>(columns[0]);
            var score = cursor.GetGetter<VBuffer<float>>(columns[1]);
            VBuffer<float> value = default;
            while (cursor.MoveNext()) { features(ref value); score(ref value); }
        }

        Assert.AreEqual(10L, source.ValuesRead);
    }

    [TestMethod]
    public void Cursor_PredictionEngineSingleRows_ScoreAsTheBatchesAndNameTheClass()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(QuadrantData.Rows(60));
        var model = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.MaxEpoch = 2)))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(train);
        var rows = QuadrantData.Rows(9, seed: 8);
        var batched = TransformRows.VectorColumn<float>(model.Transform(ml.Data.LoadFromEnumerable(rows)), "Score");
        var names = TransformRows.Text(model.Transform(ml.Data.LoadFromEnumerable(rows)), "PredictedLabel");
        using var engine = ml.Model.CreatePredictionEngine<QuadrantRow, QuadrantPrediction>(model);

        for (int i = 0; i < rows.Length; i++)
        {
            var prediction = engine.Predict(rows[i]);
            CollectionAssert.AreEqual(batched[i], prediction.Score, new FloatTolerance(1e-6f), $"row {i}");
            Assert.AreEqual(names[i], prediction.PredictedLabel);
        }
    }

    private sealed class FloatTolerance(float delta) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Math.Abs((float)x! - (float)y!) <= delta ? 0 : 1;
    }
}
