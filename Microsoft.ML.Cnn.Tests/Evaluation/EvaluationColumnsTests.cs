// Class names from the score column's SlotNames, with the index fallback when absent or of another size.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Evaluation;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class EvaluationColumnsTests
{
    private sealed class Row
    {
        [VectorType(3)] public float[] Score { get; set; } = [0, 0, 0];
    }

    private static IDataView Data() => new MLContext(1).Data.LoadFromEnumerable(new[] { new Row() });

    [TestMethod]
    public void ClassNames_SlotNamesOfScoreSize_Used()
    {
        var data = new AnnotatedDataView(Data(), "Score", AnnotatedDataView.SlotNames("a", "b", "c"));

        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, EvaluationColumns.ClassNames(data.Schema["Score"], 3));
    }

    [TestMethod]
    public void ClassNames_SlotNamesOfOtherSize_IndicesUsed()
    {
        var data = new AnnotatedDataView(Data(), "Score", AnnotatedDataView.SlotNames("a", "b"));

        CollectionAssert.AreEqual(new[] { "0", "1", "2" }, EvaluationColumns.ClassNames(data.Schema["Score"], 3));
    }

    [TestMethod]
    public void FindClassScores_KnownSizeSingleVector_Found()
    {
        Assert.AreEqual("Score", EvaluationColumns.FindClassScores(Data().Schema, "Score").Name);
    }

    [TestMethod]
    public void Find_MissingColumn_ListsAvailableColumns()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => EvaluationColumns.Find(Data().Schema, "Label"));

        StringAssert.Contains(error.Message, "Input column 'Label' not found. Available columns: 'Score' (Vector<Single, 3>)");
    }
}
