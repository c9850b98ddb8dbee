// mlContext.MulticlassClassification.Evaluate: every metric against hand-computed values on a 6-row, 3-class table,
// key and Single labels, skipped rows, streaming, and every bad-input path.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Evaluation;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class MulticlassClassificationEvaluatorTests
{
    private sealed class KeyRow
    {
        [KeyType(3)] public uint Label { get; set; }
        [VectorType(3)] public float[] Score { get; set; } = [];
        [KeyType(3)] public uint PredictedLabel { get; set; }
    }

    private sealed class SingleRow
    {
        public float Label { get; set; }
        [VectorType(3)] public float[] Score { get; set; } = [];
        public uint PredictedLabel { get; set; }
    }

    // Classes cat (0), dog (1), bird (2). Per row: true class, scores, prediction (first max), rank of the true class.
    private static readonly (int Label, float[] Score)[] Table =
    [
        (0, [0.7f, 0.2f, 0.1f]),    // predicted cat, rank 0
        (0, [0.4f, 0.5f, 0.1f]),    // predicted dog, rank 1
        (1, [0.1f, 0.8f, 0.1f]),    // predicted dog, rank 0
        (1, [0.3f, 0.3f, 0.4f]),    // predicted bird, rank 2 (bird higher; cat tied but of lower index)
        (2, [0.2f, 0.2f, 0.6f]),    // predicted bird, rank 0
        (0, [0.25f, 0.25f, 0.5f]),  // predicted bird, rank 1 (dog tied but of higher index)
    ];

    private static IDataView KeyData(MLContext context, IEnumerable<(int Label, float[] Score)> rows) =>
        context.Data.LoadFromEnumerable(rows.Select(r => new KeyRow { Label = (uint)(r.Label + 1), Score = r.Score }).ToArray());

    private static IDataView SingleData(MLContext context, IEnumerable<(float Label, float[] Score)> rows) =>
        context.Data.LoadFromEnumerable(rows.Select(r => new SingleRow { Label = r.Label, Score = r.Score }).ToArray());

    private static IDataView Named(IDataView data) => new AnnotatedDataView(data, "Score", AnnotatedDataView.SlotNames("cat", "dog", "bird"));

    private static double Ln(float probability) => Math.Log(probability);

    [TestMethod]
    public void Evaluate_KeyLabels_MatchesHandComputedMetrics()
    {
        var context = new MLContext(1);

        var metrics = context.MulticlassClassification.Evaluate(KeyData(context, Table), topKPredictionCount: 3);

        Assert.AreEqual(3.0 / 6, metrics.MicroAccuracy, 1e-12);
        Assert.AreEqual((1.0 / 3 + 1.0 / 2 + 1.0) / 3, metrics.MacroAccuracy, 1e-12);
        double logLoss = -(Ln(0.7f) + Ln(0.4f) + Ln(0.8f) + Ln(0.3f) + Ln(0.6f) + Ln(0.25f)) / 6;
        Assert.AreEqual(logLoss, metrics.LogLoss, 1e-12);
        double prior = -(3.0 / 6 * Math.Log(3.0 / 6) + 2.0 / 6 * Math.Log(2.0 / 6) + 1.0 / 6 * Math.Log(1.0 / 6));
        Assert.AreEqual((prior - logLoss) / prior, metrics.LogLossReduction, 1e-12);
        Assert.AreEqual(-(Ln(0.7f) + Ln(0.4f) + Ln(0.25f)) / 3, metrics.PerClassLogLoss[0], 1e-12);
        Assert.AreEqual(-(Ln(0.8f) + Ln(0.3f)) / 2, metrics.PerClassLogLoss[1], 1e-12);
        Assert.AreEqual(-Ln(0.6f), metrics.PerClassLogLoss[2], 1e-12);
        Assert.AreEqual(3, metrics.TopKPredictionCount);
        CollectionAssert.AreEqual(new[] { 3.0 / 6, 5.0 / 6, 1.0 }, metrics.TopKAccuracyForAllK!.ToArray());
        Assert.AreEqual(1.0, metrics.TopKAccuracy);
    }

    [TestMethod]
    public void Evaluate_ConfusionMatrix_CountsAndPerClassPrecisionRecall()
    {
        var context = new MLContext(1);

        var matrix = context.MulticlassClassification.Evaluate(Named(KeyData(context, Table))).ConfusionMatrix;

        Assert.AreEqual(3, matrix.NumberOfClasses);
        CollectionAssert.AreEqual(new double[] { 1, 1, 1 }, matrix.Counts[0].ToArray());
        CollectionAssert.AreEqual(new double[] { 0, 1, 1 }, matrix.Counts[1].ToArray());
        CollectionAssert.AreEqual(new double[] { 0, 0, 1 }, matrix.Counts[2].ToArray());
        Assert.AreEqual(1, matrix.GetCountForClassPair(predictedClassIndicatorIndex: 2, actualClassIndicatorIndex: 1));
        CollectionAssert.AreEqual(new[] { 1.0, 1.0 / 2, 1.0 / 3 }, matrix.PerClassPrecision.ToArray());
        CollectionAssert.AreEqual(new[] { 1.0 / 3, 1.0 / 2, 1.0 }, matrix.PerClassRecall.ToArray());
        CollectionAssert.AreEqual(new[] { "cat", "dog", "bird" }, matrix.PredictedClassesIndicators.Select(n => n.ToString()).ToArray());
    }

    [TestMethod]
    public void Evaluate_ScoreSlotNames_FormattedTableNamesClasses()
    {
        var context = new MLContext(1);

        string table = context.MulticlassClassification.Evaluate(Named(KeyData(context, Table))).ConfusionMatrix.GetFormattedConfusionTable();

        string[] lines = table.Split(Environment.NewLine);
        StringAssert.Contains(lines[0], "bird");
        StringAssert.StartsWith(lines[1], "cat");
        StringAssert.StartsWith(lines[2], "dog");
        StringAssert.Contains(lines[1], "33.3%", "cat's recall");
        StringAssert.Contains(lines[4], "50.0%", "dog's precision");
    }

    [TestMethod]
    public void Evaluate_NoSlotNames_ClassesNamedByIndex()
    {
        var context = new MLContext(1);

        var matrix = context.MulticlassClassification.Evaluate(KeyData(context, Table)).ConfusionMatrix;

        CollectionAssert.AreEqual(new[] { "0", "1", "2" }, matrix.PredictedClassesIndicators.Select(n => n.ToString()).ToArray());
        StringAssert.StartsWith(matrix.GetFormattedConfusionTable().Split(Environment.NewLine)[3], "2");
    }

    [TestMethod]
    public void Evaluate_SingleLabels_SameMetricsAsKeyLabels()
    {
        var context = new MLContext(1);
        var byKey = context.MulticlassClassification.Evaluate(KeyData(context, Table), topKPredictionCount: 2);

        var bySingle = context.MulticlassClassification.Evaluate(SingleData(context, Table.Select(r => ((float)r.Label, r.Score))), topKPredictionCount: 2);

        Assert.AreEqual(byKey.MicroAccuracy, bySingle.MicroAccuracy);
        Assert.AreEqual(byKey.MacroAccuracy, bySingle.MacroAccuracy);
        Assert.AreEqual(byKey.LogLoss, bySingle.LogLoss);
        Assert.AreEqual(byKey.LogLossReduction, bySingle.LogLossReduction);
        CollectionAssert.AreEqual(byKey.TopKAccuracyForAllK!.ToArray(), bySingle.TopKAccuracyForAllK!.ToArray());
        Assert.AreEqual(5.0 / 6, bySingle.TopKAccuracy, 1e-12);
    }

    [TestMethod]
    public void Evaluate_LabelsFromMapValueToKey_KeyLabelsEvaluated()
    {
        var context = new MLContext(1);
        // Text labels keyed by value: bird -> 1, cat -> 2, dog -> 3; the scores follow that key order.
        var rows = new[] { ("cat", new[] { 0.1f, 0.8f, 0.1f }), ("dog", new[] { 0.2f, 0.3f, 0.5f }), ("bird", new[] { 0.3f, 0.6f, 0.1f }) };
        var data = context.Data.LoadFromEnumerable(rows.Select(r => new TextRow { Text = r.Item1, Score = r.Item2 }).ToArray());
        var keyed = context.Transforms.Conversion.MapValueToKey("Label", "Text",
            keyOrdinality: Microsoft.ML.Cnn.Transforms.Conversion.ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data).Transform(data);

        var metrics = context.MulticlassClassification.Evaluate(keyed);

        Assert.AreEqual(2.0 / 3, metrics.MicroAccuracy, 1e-12);
        Assert.AreEqual(-(Ln(0.8f) + Ln(0.5f) + Ln(0.3f)) / 3, metrics.LogLoss, 1e-12);
    }

    private sealed class TextRow
    {
        public string Text { get; set; } = "";
        [VectorType(3)] public float[] Score { get; set; } = [];
        public bool PredictedLabel { get; set; }
    }

    [TestMethod]
    public void Evaluate_MissingAndInvalidLabels_RowsSkippedWithWarnings()
    {
        var context = new MLContext(1);
        var log = new List<LoggingEventArgs>();
        context.Log += (_, e) => log.Add(e);
        float[] any = [0.5f, 0.25f, 0.25f];
        var rows = Table.Select(r => ((float)r.Label, r.Score))
            .Concat([(float.NaN, any), (-1f, any), (1.5f, any), (float.PositiveInfinity, any), (0f, [float.NaN, 0.5f, 0.5f])]);

        var metrics = context.MulticlassClassification.Evaluate(SingleData(context, rows));

        Assert.AreEqual(3.0 / 6, metrics.MicroAccuracy, 1e-12);
        Assert.AreEqual(-(Ln(0.7f) + Ln(0.4f) + Ln(0.8f) + Ln(0.3f) + Ln(0.6f) + Ln(0.25f)) / 6, metrics.LogLoss, 1e-12);
        string[] warnings = log.Where(e => e.Kind == ChannelMessageKind.Warning).Select(e => e.RawMessage).ToArray();
        Assert.HasCount(3, warnings);
        StringAssert.Contains(warnings[0], "1 of 11 rows have a missing label in column 'Label'");
        StringAssert.Contains(warnings[1], "3 of 11 rows have a negative or non-integer label");
        StringAssert.Contains(warnings[2], "1 of 11 rows have a NaN or infinite value in column 'Score'");
    }

    [TestMethod]
    public void Evaluate_KeyZeroLabel_RowSkippedAsMissing()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(
            Table.Select(r => new KeyRow { Label = (uint)(r.Label + 1), Score = r.Score }).Append(new KeyRow { Label = 0, Score = [1, 0, 0] }).ToArray());

        var metrics = context.MulticlassClassification.Evaluate(data);

        Assert.AreEqual(3.0 / 6, metrics.MicroAccuracy, 1e-12);
        Assert.AreEqual(6, metrics.ConfusionMatrix.Counts.Sum(row => row.Sum()));
    }

    [TestMethod]
    public void Evaluate_LabelBeyondScoreClasses_CountedWithMaximalLogLoss()
    {
        var context = new MLContext(1);
        var log = new List<LoggingEventArgs>();
        context.Log += (_, e) => log.Add(e);
        var rows = new (float, float[])[] { (0, [0.5f, 0.25f, 0.25f]), (5, [0.5f, 0.25f, 0.25f]) };

        var metrics = context.MulticlassClassification.Evaluate(SingleData(context, rows), topKPredictionCount: 3);

        Assert.AreEqual(0.5, metrics.MicroAccuracy, 1e-12);
        Assert.AreEqual(1.0, metrics.MacroAccuracy, 1e-12);
        Assert.AreEqual((-Ln(0.5f) - Ln(1e-15f)) / 2, metrics.LogLoss, 1e-12);
        Assert.AreEqual(0.5, metrics.TopKAccuracy, 1e-12);
        Assert.AreEqual(1, metrics.ConfusionMatrix.Counts.Sum(row => row.Sum()));
        Assert.IsTrue(log.Any(e => e.Kind == ChannelMessageKind.Warning && e.RawMessage.Contains("beyond the 3 classes")));
    }

    [TestMethod]
    public void Evaluate_ZeroProbabilityForTrueClass_ClampedToEpsilon()
    {
        var context = new MLContext(1);

        var metrics = context.MulticlassClassification.Evaluate(SingleData(context, [(1f, [1f, 0f, 0f])]));

        Assert.AreEqual(-Ln(1e-15f), metrics.LogLoss, 1e-9);
    }

    [TestMethod]
    public void Evaluate_TopKZero_NoTopKAccuracies()
    {
        var context = new MLContext(1);

        var metrics = context.MulticlassClassification.Evaluate(KeyData(context, Table));

        Assert.AreEqual(0, metrics.TopKPredictionCount);
        Assert.IsNull(metrics.TopKAccuracyForAllK);
        Assert.AreEqual(0, metrics.TopKAccuracy);
    }

    [TestMethod]
    public void Evaluate_TopKBeyondClassCount_EveryKnownClassWithinTopK()
    {
        var context = new MLContext(1);

        var metrics = context.MulticlassClassification.Evaluate(KeyData(context, Table), topKPredictionCount: 5);

        CollectionAssert.AreEqual(new[] { 3.0 / 6, 5.0 / 6, 1, 1, 1 }, metrics.TopKAccuracyForAllK!.ToArray());
    }

    [TestMethod]
    public void Evaluate_OneCursor_OnlyLabelAndScoreActive()
    {
        var context = new MLContext(1);
        var data = new AnnotatedDataView(KeyData(context, Table));

        context.MulticlassClassification.Evaluate(data);

        Assert.HasCount(1, data.CursorRequests);
        CollectionAssert.AreEquivalent(new[] { "Label", "Score" }, data.CursorRequests[0]);
    }

    [TestMethod]
    public void Evaluate_CustomColumnNames_Used()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(Table.Select(r => new RenamedRow { Truth = (uint)(r.Label + 1), Probabilities = r.Score }).ToArray());

        var metrics = context.MulticlassClassification.Evaluate(data, "Truth", "Probabilities", "Guess");

        Assert.AreEqual(0.5, metrics.MicroAccuracy, 1e-12);
    }

    private sealed class RenamedRow
    {
        [KeyType(3)] public uint Truth { get; set; }
        [VectorType(3)] public float[] Probabilities { get; set; } = [];
        [KeyType(3)] public uint Guess { get; set; }
    }

    private sealed class BadTypesRow
    {
        public bool Flag { get; set; }
        public float Single { get; set; }
        [VectorType(3)] public double[] Doubles { get; set; } = [];
        public float[] Variable { get; set; } = [];
        [VectorType(1)] public float[] One { get; set; } = [];
        [VectorType(3)] public float[] Score { get; set; } = [];
        public uint PredictedLabel { get; set; }
    }

    [TestMethod]
    [DataRow("Flag", "Score", "Label", "Schema mismatch for input column 'Flag': expected Single or a key type", "got Boolean")]
    [DataRow("Single", "Single", "Label", "Schema mismatch for input column 'Single': expected a known-size vector of 2 or more Single", "got Single")]
    [DataRow("Single", "Doubles", "Label", "Schema mismatch for input column 'Doubles'", "got Vector<Double, 3>")]
    [DataRow("Single", "Variable", "Label", "Schema mismatch for input column 'Variable'", "got Vector<Single, 0>")]
    [DataRow("Single", "One", "Label", "Schema mismatch for input column 'One'", "got Vector<Single, 1>")]
    [DataRow("Label", "Score", "PredictedLabel", "Input column 'Label' not found", "'Flag' (Boolean)")]
    [DataRow("Single", "Scores", "PredictedLabel", "Input column 'Scores' not found", "'Score' (Vector<Single, 3>)")]
    [DataRow("Single", "Score", "Predicted", "Input column 'Predicted' not found", "'PredictedLabel' (UInt32)")]
    public void Evaluate_BadColumn_ThrowsNamingColumnAndTypes(string label, string score, string predicted, string expected, string alsoExpected)
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(new[] { new BadTypesRow() });

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.MulticlassClassification.Evaluate(data, label, score, predicted));

        StringAssert.Contains(error.Message, expected);
        StringAssert.Contains(error.Message, alsoExpected);
    }

    [TestMethod]
    public void Evaluate_BadArguments_Throw()
    {
        var context = new MLContext(1);
        var data = KeyData(context, Table);

        Assert.ThrowsExactly<ArgumentNullException>(() => context.MulticlassClassification.Evaluate(null!));
        Assert.ThrowsExactly<ArgumentException>(() => context.MulticlassClassification.Evaluate(data, labelColumnName: ""));
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.MulticlassClassification.Evaluate(data, topKPredictionCount: -1));
        StringAssert.Contains(error.Message, "topKPredictionCount");
    }

    [TestMethod]
    public void Evaluate_EmptyData_ThrowsSayingSo()
    {
        var context = new MLContext(1);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => context.MulticlassClassification.Evaluate(KeyData(context, [])));

        StringAssert.Contains(error.Message, "has no rows");
    }

    [TestMethod]
    public void Evaluate_OnlyMissingLabels_ThrowsCountingSkippedRows()
    {
        var context = new MLContext(1);
        var rows = new (float, float[])[] { (float.NaN, [1, 0, 0]), (float.NaN, [1, 0, 0]) };

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => context.MulticlassClassification.Evaluate(SingleData(context, rows)));

        StringAssert.Contains(error.Message, "none of the 2 rows is usable (2 with a missing label in 'Label'");
    }
}
