// ConfusionMatrix: counts, derived metrics and the printed table.
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed class ConfusionMatrixTests
{
    // actual 0 x3: predicted 0, 0, 1; actual 1 x1: predicted 1; actual 2 x1: predicted 0.
    private static ConfusionMatrix Sample()
    {
        var matrix = new ConfusionMatrix(3, ["cat", "dog", "bird"]);
        foreach (var (a, p) in new[] { (0, 0), (0, 0), (0, 1), (1, 1), (2, 0) }) matrix.Add(a, p);
        return matrix;
    }

    [TestMethod]
    public void Metrics_FromCounts_MatchHandComputation()
    {
        var matrix = Sample();

        Assert.AreEqual(5, matrix.Total);
        Assert.AreEqual(0.6, matrix.Accuracy, 1e-12);
        Assert.AreEqual(2.0 / 3, matrix.Precision(0), 1e-12);
        Assert.AreEqual(2.0 / 3, matrix.Recall(0), 1e-12);
        Assert.AreEqual(0.5, matrix.Precision(1), 1e-12);
        Assert.AreEqual(1.0, matrix.Recall(1), 1e-12);
        Assert.IsTrue(double.IsNaN(matrix.Precision(2)), "bird was never predicted");
        Assert.AreEqual(0.0, matrix.Recall(2));
        Assert.AreEqual(1, matrix[2, 0]);
    }

    [TestMethod]
    public void ToString_Table_HasNamesCountsAndMetrics()
    {
        string[] lines = Sample().ToString().Split(Environment.NewLine);

        StringAssert.Contains(lines[0], "cat");
        StringAssert.Contains(lines[0], "recall");
        StringAssert.StartsWith(lines[1], "cat");
        StringAssert.Contains(lines[1], "66.7%");
        StringAssert.StartsWith(lines[4], "precision");
        StringAssert.Contains(lines[5], "accuracy 60.0% of 5 samples");
    }

    [TestMethod]
    public void ToString_LongClassNames_ColumnsByIndexRowsByIndexAndName()
    {
        var matrix = new ConfusionMatrix(2, ["T-shirt/top", "Ankle boot"]);
        matrix.Add(0, 0);
        matrix.Add(1, 1);

        string[] lines = matrix.ToString().Split(Environment.NewLine);

        Assert.AreEqual("actual \\ predicted       0       1  recall", lines[0]);
        Assert.AreEqual("0. T-shirt/top" + new string(' ', 11) + "1       0  100.0%", lines[1]);
        Assert.AreEqual("precision" + new string(' ', 11) + "100.0%  100.0%", lines[3]);
    }

    [TestMethod]
    public void Add_OutOfRangeClass_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Sample().Add(3, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Sample().Add(0, -1));
        Assert.ThrowsExactly<ArgumentException>(() => new ConfusionMatrix(3, ["a"]));
    }
}
