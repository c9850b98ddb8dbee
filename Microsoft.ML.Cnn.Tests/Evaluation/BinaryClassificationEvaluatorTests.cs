// mlContext.BinaryClassification.Evaluate: every metric against hand-computed values on an 8-row table with tied
// scores, every label type, skipped rows, streaming, and every bad-input path.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Evaluation;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class BinaryClassificationEvaluatorTests
{
    private sealed class BoolRow
    {
        public bool Label { get; set; }
        public float Score { get; set; }
        public float Probability { get; set; }
        public bool PredictedLabel { get; set; }
    }

    private sealed class SingleRow
    {
        public float Label { get; set; }
        public double DoubleLabel { get; set; }
        [KeyType(2)] public uint KeyLabel { get; set; }
        [KeyType(3)] public uint ThreeKeys { get; set; }
        public string Text { get; set; } = "";
        public float Score { get; set; }
        public double DoubleScore { get; set; }
        [VectorType(2)] public float[] Scores { get; set; } = [0, 0];
        public float Probability { get; set; }
        public bool PredictedLabel { get; set; }
        public float SinglePrediction { get; set; }
    }

    // Predicted positive when the score is > 0: TP rows 1, 3; FP rows 2, 4; FN row 6; TN rows 5, 7, 8.
    // Ties: rows 2 and 3 at 1.0 (negative, positive), rows 6 and 7 at -1.0 (positive, negative).
    private static readonly (bool Label, float Score, float Probability)[] Table =
    [
        (true, 2.0f, 0.9f),
        (false, 1.0f, 0.7f),
        (true, 1.0f, 0.7f),
        (false, 0.5f, 0.6f),
        (false, -0.5f, 0.4f),
        (true, -1.0f, 0.2f),
        (false, -1.0f, 0.2f),
        (false, -2.0f, 0.1f),
    ];

    private static IDataView BoolData(MLContext context, IEnumerable<(bool Label, float Score, float Probability)> rows) =>
        context.Data.LoadFromEnumerable(rows.Select(r => new BoolRow { Label = r.Label, Score = r.Score, Probability = r.Probability }).ToArray());

    private static IDataView SingleData(MLContext context, params (float Label, float Score, float Probability)[] rows) =>
        context.Data.LoadFromEnumerable(rows.Select(r => new SingleRow
        {
            Label = r.Label, DoubleLabel = r.Label, KeyLabel = float.IsNaN(r.Label) ? 0 : r.Label > 0 ? 2u : 1u,
            Score = r.Score, Probability = r.Probability,
        }).ToArray());

    private static (float, float, float)[] TableAsSingles() => Table.Select(r => (r.Label ? 1f : 0f, r.Score, r.Probability)).ToArray();

    [TestMethod]
    public void Evaluate_TiedScores_MatchesHandComputedMetrics()
    {
        var context = new MLContext(1);

        var metrics = context.BinaryClassification.Evaluate(BoolData(context, Table));

        Assert.AreEqual(5.0 / 8, metrics.Accuracy, 1e-12);
        Assert.AreEqual(2.0 / 4, metrics.PositivePrecision, 1e-12);
        Assert.AreEqual(2.0 / 3, metrics.PositiveRecall, 1e-12);
        Assert.AreEqual(3.0 / 4, metrics.NegativePrecision, 1e-12);
        Assert.AreEqual(3.0 / 5, metrics.NegativeRecall, 1e-12);
        Assert.AreEqual(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), metrics.F1Score, 1e-12);
        // Positive vs negative pairs won (tie = 1/2): 2.0 beats all 5; 1.0 ties 1 and beats 4; -1.0 ties 1 and beats 1.
        Assert.AreEqual((5 + 4.5 + 1.5) / 15, metrics.AreaUnderRocCurve, 1e-12);
        // Lower trapezoid by descending score, ties in row order: + at recall 1/3 (precision 1 -> 1), - , + at 2/3
        // (1/2 -> 2/3), -, -, + at 1 (2/5 -> 3/6), -, -.
        double auprc = 1.0 / 3 * (1 + 1) / 2 + 1.0 / 3 * (1.0 / 2 + 2.0 / 3) / 2 + 1.0 / 3 * (2.0 / 5 + 3.0 / 6) / 2;
        Assert.AreEqual(auprc, metrics.AreaUnderPrecisionRecallCurve, 1e-12);
    }

    [TestMethod]
    public void Evaluate_Probabilities_LogLossInBitsEntropyAndReduction()
    {
        var context = new MLContext(1);

        var metrics = context.BinaryClassification.Evaluate(BoolData(context, Table));

        double bits = -(Math.Log2(0.9f) + Math.Log2(1.0 - 0.7f) + Math.Log2(0.7f) + Math.Log2(1.0 - 0.6f)
            + Math.Log2(1.0 - 0.4f) + Math.Log2(0.2f) + Math.Log2(1.0 - 0.2f) + Math.Log2(1.0 - 0.1f));
        Assert.AreEqual(bits / 8, metrics.LogLoss, 1e-12);
        double entropy = -(3.0 / 8 * Math.Log2(3.0 / 8) + 5.0 / 8 * Math.Log2(5.0 / 8));
        Assert.AreEqual(entropy, metrics.Entropy, 1e-12);
        Assert.AreEqual((entropy - bits / 8) / entropy, metrics.LogLossReduction, 1e-12);
    }

    [TestMethod]
    public void Evaluate_ConfusionMatrix_PositiveClassFirst()
    {
        var context = new MLContext(1);

        var matrix = context.BinaryClassification.Evaluate(BoolData(context, Table)).ConfusionMatrix;

        Assert.AreEqual(2, matrix.NumberOfClasses);
        CollectionAssert.AreEqual(new double[] { 2, 1 }, matrix.Counts[0].ToArray(), "positives: TP, FN");
        CollectionAssert.AreEqual(new double[] { 2, 3 }, matrix.Counts[1].ToArray(), "negatives: FP, TN");
        CollectionAssert.AreEqual(new[] { "positive", "negative" }, matrix.PredictedClassesIndicators.Select(n => n.ToString()).ToArray());
        StringAssert.StartsWith(matrix.GetFormattedConfusionTable().Split(Environment.NewLine)[1], "positive");
    }

    [TestMethod]
    public void Evaluate_SingleDoubleAndKeyLabels_SameMetricsAsBoolean()
    {
        var context = new MLContext(1);
        var expected = context.BinaryClassification.Evaluate(BoolData(context, Table));
        var data = SingleData(context, TableAsSingles());

        foreach (string label in new[] { "Label", "DoubleLabel", "KeyLabel" })
        {
            var metrics = context.BinaryClassification.Evaluate(data, label);
            Assert.AreEqual(expected.Accuracy, metrics.Accuracy, label);
            Assert.AreEqual(expected.AreaUnderRocCurve, metrics.AreaUnderRocCurve, label);
            Assert.AreEqual(expected.AreaUnderPrecisionRecallCurve, metrics.AreaUnderPrecisionRecallCurve, label);
            Assert.AreEqual(expected.LogLoss, metrics.LogLoss, label);
        }
    }

    [TestMethod]
    public void Evaluate_SingleLabelAboveZero_IsPositive()
    {
        var context = new MLContext(1);

        var metrics = context.BinaryClassification.Evaluate(SingleData(context, (2.5f, 1f, 0.7f), (-1f, -1f, 0.3f)));

        Assert.AreEqual(1.0, metrics.Accuracy);
        Assert.AreEqual(1.0, metrics.AreaUnderRocCurve);
    }

    [TestMethod]
    public void Evaluate_KeyLabelWithTextKeyValues_ClassesNamedByKeyValues()
    {
        var context = new MLContext(1);
        var data = new AnnotatedDataView(SingleData(context, TableAsSingles()), "KeyLabel", AnnotatedDataView.KeyValues("no", "yes"));

        var matrix = context.BinaryClassification.Evaluate(data, "KeyLabel").ConfusionMatrix;

        CollectionAssert.AreEqual(new[] { "yes", "no" }, matrix.PredictedClassesIndicators.Select(n => n.ToString()).ToArray());
        CollectionAssert.AreEqual(new double[] { 2, 1 }, matrix.Counts[0].ToArray());
    }

    [TestMethod]
    public void Evaluate_MissingLabelsAndBadScores_RowsSkippedWithWarnings()
    {
        var context = new MLContext(1);
        var log = new List<LoggingEventArgs>();
        context.Log += (_, e) => log.Add(e);
        var rows = TableAsSingles().Concat([(float.NaN, 1f, 0.7f), (1f, float.NaN, 0.5f), (0f, float.NegativeInfinity, 0f)]).ToArray();

        var metrics = context.BinaryClassification.Evaluate(SingleData(context, rows));
        var keyMetrics = context.BinaryClassification.Evaluate(SingleData(context, rows), "KeyLabel");

        Assert.AreEqual(5.0 / 8, metrics.Accuracy, 1e-12);
        Assert.AreEqual(5.0 / 8, keyMetrics.Accuracy, 1e-12);
        string[] warnings = log.Where(e => e.Kind == ChannelMessageKind.Warning).Select(e => e.RawMessage).ToArray();
        Assert.HasCount(4, warnings);
        StringAssert.Contains(warnings[0], "1 of 11 rows have a missing label in column 'Label'");
        StringAssert.Contains(warnings[1], "2 of 11 rows have a NaN or infinite value in column 'Score'");
    }

    [TestMethod]
    public void Evaluate_OneClassOnly_AucUndefinedAuprcByDefinition()
    {
        var context = new MLContext(1);

        var negatives = context.BinaryClassification.Evaluate(SingleData(context, (0f, -1f, 0.2f), (0f, 1f, 0.7f)));
        var positives = context.BinaryClassification.Evaluate(SingleData(context, (1f, -1f, 0.2f), (1f, 1f, 0.7f)));

        Assert.IsTrue(double.IsNaN(negatives.AreaUnderRocCurve));
        Assert.AreEqual(0, negatives.AreaUnderPrecisionRecallCurve);
        Assert.AreEqual(0, negatives.Entropy);
        Assert.IsTrue(double.IsNaN(positives.AreaUnderRocCurve));
        Assert.AreEqual(1, positives.AreaUnderPrecisionRecallCurve, 1e-12);
    }

    [TestMethod]
    public void Evaluate_NoPositivePrediction_PrecisionZeroAndF1Undefined()
    {
        var context = new MLContext(1);

        var metrics = context.BinaryClassification.Evaluate(SingleData(context, (1f, -1f, 0.2f), (0f, -2f, 0.1f)));

        Assert.AreEqual(0, metrics.PositivePrecision);
        Assert.AreEqual(0, metrics.PositiveRecall);
        Assert.IsTrue(double.IsNaN(metrics.F1Score));
    }

    [TestMethod]
    public void Evaluate_OneCursor_OnlyLabelScoreAndProbabilityActive()
    {
        var context = new MLContext(1);
        var data = new AnnotatedDataView(BoolData(context, Table));

        context.BinaryClassification.Evaluate(data);

        Assert.HasCount(1, data.CursorRequests);
        CollectionAssert.AreEquivalent(new[] { "Label", "Score", "Probability" }, data.CursorRequests[0]);
    }

    [TestMethod]
    [DataRow("ThreeKeys", "Score", "Probability", "PredictedLabel", "Schema mismatch for input column 'ThreeKeys': expected Boolean, Single, Double or a key type with 2 values", "got Key<UInt32, 0-2>")]
    [DataRow("Text", "Score", "Probability", "PredictedLabel", "Schema mismatch for input column 'Text'", "got String")]
    [DataRow("Label", "Scores", "Probability", "PredictedLabel", "Schema mismatch for input column 'Scores': expected Single (the raw score", "got Vector<Single, 2>")]
    [DataRow("Label", "DoubleScore", "Probability", "PredictedLabel", "Schema mismatch for input column 'DoubleScore'", "got Double")]
    [DataRow("Label", "Score", "DoubleScore", "PredictedLabel", "Schema mismatch for input column 'DoubleScore': expected Single (the probability", "got Double")]
    [DataRow("Label", "Score", "Probability", "SinglePrediction", "Schema mismatch for input column 'SinglePrediction': expected Boolean (the predicted label)", "got Single")]
    [DataRow("Missing", "Score", "Probability", "PredictedLabel", "Input column 'Missing' not found", "'Label' (Single)")]
    [DataRow("Label", "Missing", "Probability", "PredictedLabel", "Input column 'Missing' not found", "'Score' (Single)")]
    [DataRow("Label", "Score", "Missing", "PredictedLabel", "Input column 'Missing' not found", "'Probability' (Single)")]
    [DataRow("Label", "Score", "Probability", "Missing", "Input column 'Missing' not found", "'PredictedLabel' (Boolean)")]
    public void Evaluate_BadColumn_ThrowsNamingColumnAndTypes(string label, string score, string probability, string predicted, string expected, string alsoExpected)
    {
        var context = new MLContext(1);
        var data = SingleData(context, (1f, 1f, 0.7f));

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.BinaryClassification.Evaluate(data, label, score, probability, predicted));

        StringAssert.Contains(error.Message, expected);
        StringAssert.Contains(error.Message, alsoExpected);
    }

    [TestMethod]
    public void Evaluate_BadArguments_Throw()
    {
        var context = new MLContext(1);

        Assert.ThrowsExactly<ArgumentNullException>(() => context.BinaryClassification.Evaluate(null!));
        Assert.ThrowsExactly<ArgumentException>(() => context.BinaryClassification.Evaluate(BoolData(context, Table), probabilityColumnName: ""));
    }

    [TestMethod]
    public void Evaluate_EmptyData_ThrowsSayingSo()
    {
        var context = new MLContext(1);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => context.BinaryClassification.Evaluate(BoolData(context, [])));

        StringAssert.Contains(error.Message, "has no rows");
    }

    [TestMethod]
    public void Evaluate_OnlyMissingLabels_ThrowsCountingSkippedRows()
    {
        var context = new MLContext(1);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            context.BinaryClassification.Evaluate(SingleData(context, (float.NaN, 1f, 0.5f)), "KeyLabel"));

        StringAssert.Contains(error.Message, "none of the 1 rows is usable (1 with a missing label in 'KeyLabel'");
    }
}
