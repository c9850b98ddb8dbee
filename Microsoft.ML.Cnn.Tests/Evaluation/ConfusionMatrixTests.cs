// The ML.NET-shaped ConfusionMatrix over the engine's counts: orientation, precision/recall conventions, the table.
using Microsoft.ML.Cnn.Evaluation;
using EngineConfusionMatrix = Microsoft.ML.Cnn.Training.ConfusionMatrix;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class ConfusionMatrixTests
{
    // actual cat: predicted cat, cat, dog; actual dog: dog; actual bird: cat. bird is never predicted.
    private static ConfusionMatrix Sample()
    {
        var counts = new EngineConfusionMatrix(3, ["cat", "dog", "bird"]);
        foreach (var (actual, predicted) in new[] { (0, 0), (0, 0), (0, 1), (1, 1), (2, 0) }) counts.Add(actual, predicted);
        return new ConfusionMatrix(counts);
    }

    [TestMethod]
    public void Counts_RowsAreActualColumnsPredicted()
    {
        var matrix = Sample();

        Assert.AreEqual(3, matrix.NumberOfClasses);
        CollectionAssert.AreEqual(new double[] { 2, 1, 0 }, matrix.Counts[0].ToArray());
        CollectionAssert.AreEqual(new double[] { 1, 0, 0 }, matrix.Counts[2].ToArray());
        Assert.AreEqual(1, matrix.GetCountForClassPair(predictedClassIndicatorIndex: 0, actualClassIndicatorIndex: 2));
        Assert.AreEqual(0, matrix.GetCountForClassPair(predictedClassIndicatorIndex: 2, actualClassIndicatorIndex: 0));
    }

    [TestMethod]
    public void PerClassPrecisionRecall_UndefinedValuesAreZero()
    {
        var matrix = Sample();

        CollectionAssert.AreEqual(new[] { 2.0 / 3, 1.0 / 2, 0 }, matrix.PerClassPrecision.ToArray(), "bird was never predicted");
        CollectionAssert.AreEqual(new[] { 2.0 / 3, 1.0, 0 }, matrix.PerClassRecall.ToArray());
    }

    [TestMethod]
    public void GetFormattedConfusionTable_NamesClassesAndShowsUndefinedPrecision()
    {
        var matrix = Sample();

        string[] lines = matrix.GetFormattedConfusionTable().Split(Environment.NewLine);

        StringAssert.Contains(lines[0], "cat");
        StringAssert.Contains(lines[0], "bird");
        StringAssert.StartsWith(lines[3], "bird");
        StringAssert.EndsWith(lines[4].TrimEnd(), "-");
        Assert.AreEqual(matrix.GetFormattedConfusionTable(), matrix.ToString());
        CollectionAssert.AreEqual(new[] { "cat", "dog", "bird" }, matrix.PredictedClassesIndicators.Select(n => n.ToString()).ToArray());
    }

    [TestMethod]
    [DataRow(3, 0)]
    [DataRow(0, -1)]
    public void GetCountForClassPair_OutOfRange_ThrowsNamingRange(int predicted, int actual)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Sample().GetCountForClassPair(predicted, actual));

        StringAssert.Contains(error.Message, "[0, 3)");
    }

    [TestMethod]
    public void Counts_ReadOnly()
    {
        var matrix = Sample();

        Assert.ThrowsExactly<NotSupportedException>(() => ((IList<double>)matrix.Counts[0])[0] = 5);
        Assert.ThrowsExactly<NotSupportedException>(() => ((IList<double>)matrix.PerClassPrecision)[0] = 5);
    }
}
