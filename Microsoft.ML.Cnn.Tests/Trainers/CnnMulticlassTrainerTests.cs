// The multiclass Cnn trainer in ML.NET-shaped pipelines: learning, schema propagation, output columns and names,
// label and feature errors, validation, early stopping, class weights, cancellation, metrics and reproducibility.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed partial class CnnMulticlassTrainerTests
{
    private static IEstimator<ITransformer> Pipeline(MLContext ml, CnnMulticlassTrainer.Options options) =>
        ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.Cnn(options))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

    [TestMethod]
    public void Fit_SeparableQuadrants_ClassifiesHeldOutRowsAndRestoresNames()
    {
        var ml = new MLContext(seed: 1);
        var model = Pipeline(ml, QuadrantData.Options<CnnMulticlassTrainer.Options>()).Fit(ml.Data.LoadFromEnumerable(QuadrantData.Rows(240)));

        var test = QuadrantData.Rows(60, seed: 2);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(test));

        double accuracy = QuadrantData.Accuracy(scored, test);
        Assert.IsTrue(accuracy > 0.95, $"accuracy {accuracy:P1}");
        CollectionAssert.AreEquivalent(QuadrantData.ClassNames, TransformRows.Text(scored, "PredictedLabel").Distinct().ToArray());
    }

    [TestMethod]
    public void Evaluate_ScoredHeldOutRows_MeasuresAccuracyWithTheClassNames()
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>()))
            .Fit(ml.Data.LoadFromEnumerable(QuadrantData.Rows(240)));

        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(QuadrantData.Rows(60, seed: 2))));

        Assert.IsTrue(metrics.MicroAccuracy > 0.95, $"micro-accuracy {metrics.MicroAccuracy:P1}");
        Assert.IsTrue(metrics.LogLossReduction > 0.8, $"log-loss reduction {metrics.LogLossReduction:F3}");
        CollectionAssert.AreEqual(QuadrantData.ClassNames, metrics.ConfusionMatrix.PredictedClassesIndicators.Select(n => n.ToString()).ToArray());
    }

    [TestMethod]
    public void GetOutputSchema_KeyLabel_MatchesFittedSchemaAndRejectsTextLabel()
    {
        var ml = new MLContext(seed: 1);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(QuadrantData.Rows(60))).Transform(ml.Data.LoadFromEnumerable(QuadrantData.Rows(60)));
        var trainer = ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.MaxEpoch = 1));

        var output = EstimatorWorkout.Run(trainer, keyed, invalidInput: ml.Data.LoadFromEnumerable(QuadrantData.Rows(60)));

        var score = output.Schema["Score"];
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), score.Type);
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        score.Annotations.GetValue(AnnotationKinds.SlotNames, ref slotNames);
        CollectionAssert.AreEqual(QuadrantData.ClassNames, slotNames.DenseValues().Select(n => n.ToString()).ToArray());
        Assert.AreEqual(keyed.Schema["Label"].Type, output.Schema["PredictedLabel"].Type);
    }

    [TestMethod]
    public void Fit_TextLabel_FailsSuggestingMapValueToKey()
    {
        var ml = new MLContext(seed: 1);
        var trainer = ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>());

        var (schemaMessage, fitMessage) = EstimatorWorkout.AssertRejected(trainer, ml.Data.LoadFromEnumerable(QuadrantData.Rows(10)));

        StringAssert.Contains(schemaMessage, "'Label'");
        StringAssert.Contains(fitMessage, "MapValueToKey(\"Label\")");
    }

    [TestMethod]
    public void Transform_Score_IsAProbabilityVectorWhoseArgMaxIsThePrediction()
    {
        var ml = new MLContext(seed: 1);
        var model = Pipeline(ml, QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.MaxEpoch = 2)).Fit(ml.Data.LoadFromEnumerable(QuadrantData.Rows(90)));
        var scored = model.Transform(ml.Data.LoadFromEnumerable(QuadrantData.Rows(20, seed: 3)));

        var scores = TransformRows.VectorColumn<float>(scored, "Score");
        var predicted = TransformRows.Text(scored, "PredictedLabel");

        for (int i = 0; i < scores.Length; i++)
        {
            Assert.AreEqual(1f, scores[i].Sum(), 1e-5f);
            Assert.IsTrue(scores[i].All(p => p is >= 0f and <= 1f));
            Assert.AreEqual(QuadrantData.ClassNames[Array.IndexOf(scores[i], scores[i].Max())], predicted[i]);
        }
    }

    [TestMethod]
    public void Fit_LabelsMissingInSomeRows_SkipsThemAndLogsTheCount()
    {
        var ml = new MLContext(seed: 1);
        var rows = QuadrantData.Rows(90);
        var training = ml.Data.LoadFromEnumerable(rows);
        // Keys learned from the first 60 rows, then applied to rows where 9 have an unseen label: key 0 (missing).
        for (int i = 0; i < 9; i++) rows[60 + i].Label = "unseen";
        var keys = ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(rows.Take(60).ToArray()));
        var trainer = ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.MaxEpoch = 1));

        var log = QuadrantData.CaptureLog(ml, () => trainer.Fit(keys.Transform(training)));

        Assert.IsTrue(log.Any(l => l.Contains("Kind=Warning") && l.Contains("81 of 90 rows used") && l.Contains("9 skipped for a missing label in 'Label'")), string.Join("\n", log));
    }
}
