// mlContext.Regression.Evaluate: every metric against hand-computed values, skipped rows, streaming, bad input.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class RegressionEvaluatorTests
{
    private sealed class Row
    {
        public float Label { get; set; }
        public float Score { get; set; }
        public double DoubleLabel { get; set; }
        [VectorType(1)] public float[] Scores { get; set; } = [0];
    }

    // Errors (label - score): -1, 0, 2, -1, 0.5, 0. Labels 1..6: mean 3.5, population variance 17.5 / 6.
    private static readonly (float Label, float Score)[] Table = [(1, 2), (2, 2), (3, 1), (4, 5), (5, 4.5f), (6, 6)];

    private static IDataView Data(MLContext context, IEnumerable<(float Label, float Score)> rows) =>
        context.Data.LoadFromEnumerable(rows.Select(r => new Row { Label = r.Label, Score = r.Score }).ToArray());

    [TestMethod]
    public void Evaluate_Table_MatchesHandComputedMetrics()
    {
        var context = new MLContext(1);

        var metrics = context.Regression.Evaluate(Data(context, Table));

        Assert.AreEqual(4.5 / 6, metrics.MeanAbsoluteError, 1e-12);
        Assert.AreEqual(6.25 / 6, metrics.MeanSquaredError, 1e-12);
        Assert.AreEqual(Math.Sqrt(6.25 / 6), metrics.RootMeanSquaredError, 1e-12);
        Assert.AreEqual(6.25 / 6, metrics.LossFunction, 1e-12);
        Assert.AreEqual(1 - 6.25 / 17.5, metrics.RSquared, 1e-12);
    }

    [TestMethod]
    public void Evaluate_PerfectAndMeanPredictions_RSquaredOneAndZero()
    {
        var context = new MLContext(1);

        var perfect = context.Regression.Evaluate(Data(context, [(1, 1), (3, 3)]));
        var mean = context.Regression.Evaluate(Data(context, [(1, 2), (3, 2)]));

        Assert.AreEqual(1, perfect.RSquared, 1e-12);
        Assert.AreEqual(0, perfect.MeanAbsoluteError);
        Assert.AreEqual(0, mean.RSquared, 1e-12);
    }

    [TestMethod]
    public void Evaluate_MissingLabelsAndBadScores_RowsSkippedWithWarnings()
    {
        var context = new MLContext(1);
        var log = new List<LoggingEventArgs>();
        context.Log += (_, e) => log.Add(e);

        var metrics = context.Regression.Evaluate(Data(context, Table.Concat([(float.NaN, 1), (2, float.PositiveInfinity), (2, float.NaN)])));

        Assert.AreEqual(6.25 / 6, metrics.MeanSquaredError, 1e-12);
        string[] warnings = log.Where(e => e.Kind == ChannelMessageKind.Warning).Select(e => e.RawMessage).ToArray();
        Assert.HasCount(2, warnings);
        StringAssert.Contains(warnings[0], "1 of 9 rows have a missing label in column 'Label'");
        StringAssert.Contains(warnings[1], "2 of 9 rows have a NaN or infinite value in column 'Score'");
    }

    [TestMethod]
    public void Evaluate_OneCursor_OnlyLabelAndScoreActive()
    {
        var context = new MLContext(1);
        var data = new AnnotatedDataView(Data(context, Table));

        context.Regression.Evaluate(data);

        Assert.HasCount(1, data.CursorRequests);
        CollectionAssert.AreEquivalent(new[] { "Label", "Score" }, data.CursorRequests[0]);
    }

    [TestMethod]
    [DataRow("DoubleLabel", "Score", "Schema mismatch for input column 'DoubleLabel': expected Single (the label)", "got Double")]
    [DataRow("Label", "Scores", "Schema mismatch for input column 'Scores': expected Single (the predicted value)", "got Vector<Single, 1>")]
    [DataRow("Target", "Score", "Input column 'Target' not found", "'Label' (Single)")]
    [DataRow("Label", "Prediction", "Input column 'Prediction' not found", "'Score' (Single)")]
    public void Evaluate_BadColumn_ThrowsNamingColumnAndTypes(string label, string score, string expected, string alsoExpected)
    {
        var context = new MLContext(1);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Regression.Evaluate(Data(context, Table), label, score));

        StringAssert.Contains(error.Message, expected);
        StringAssert.Contains(error.Message, alsoExpected);
    }

    [TestMethod]
    public void Evaluate_BadArguments_Throw()
    {
        var context = new MLContext(1);

        Assert.ThrowsExactly<ArgumentNullException>(() => context.Regression.Evaluate(null!));
        Assert.ThrowsExactly<ArgumentException>(() => context.Regression.Evaluate(Data(context, Table), scoreColumnName: ""));
    }

    [TestMethod]
    public void Evaluate_EmptyOrUnlabelledData_ThrowsSayingSo()
    {
        var context = new MLContext(1);

        var empty = Assert.ThrowsExactly<InvalidOperationException>(() => context.Regression.Evaluate(Data(context, [])));
        var unlabelled = Assert.ThrowsExactly<InvalidOperationException>(() => context.Regression.Evaluate(Data(context, [(float.NaN, 1)])));

        StringAssert.Contains(empty.Message, "has no rows");
        StringAssert.Contains(unlabelled.Message, "none of the 1 rows is usable (1 with a missing label in 'Label'");
    }
}
