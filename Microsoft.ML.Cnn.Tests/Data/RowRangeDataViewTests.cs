// TakeRows / SkipRows: contiguous runs of rows, counts when known, the source not read past the last row taken.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class RowRangeDataViewTests
{
    private sealed class Row
    {
        public float Value;
    }

    private sealed class CountingRows(int rows) : IEnumerable<Row>
    {
        public int RowsRead { get; private set; }

        public IEnumerator<Row> GetEnumerator()
        {
            for (int i = 0; i < rows; i++)
            {
                RowsRead++;
                yield return new Row { Value = i };
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static IDataView Numbers(MLContext ml, int count) => ml.Data.LoadFromEnumerable(Enumerable.Range(0, count).Select(i => new Row { Value = i }).ToList());

    [TestMethod]
    public void TakeRows_FewerThanSource_FirstRowsAndCount()
    {
        var ml = new MLContext(1);
        var taken = ml.Data.TakeRows(Numbers(ml, 5), 3);
        CollectionAssert.AreEqual(new float[] { 0, 1, 2 }, TransformRows.Column<float>(taken, "Value"));
        Assert.AreEqual(3L, taken.GetRowCount());
    }

    [TestMethod]
    public void TakeRows_MoreThanSource_AllRows()
    {
        var ml = new MLContext(1);
        var taken = ml.Data.TakeRows(Numbers(ml, 2), 10);
        CollectionAssert.AreEqual(new float[] { 0, 1 }, TransformRows.Column<float>(taken, "Value"));
        Assert.AreEqual(2L, taken.GetRowCount());
    }

    [TestMethod]
    public void TakeRows_StreamedSource_NotReadPastTheLastRowTaken()
    {
        var ml = new MLContext(1);
        var rows = new CountingRows(100);
        TransformRows.Column<float>(ml.Data.TakeRows(ml.Data.LoadFromEnumerable(rows), 4), "Value");
        Assert.AreEqual(4, rows.RowsRead);
    }

    [TestMethod]
    public void SkipRows_TwoOfFive_LastThree()
    {
        var ml = new MLContext(1);
        var rest = ml.Data.SkipRows(Numbers(ml, 5), 2);
        CollectionAssert.AreEqual(new float[] { 2, 3, 4 }, TransformRows.Column<float>(rest, "Value"));
        Assert.AreEqual(3L, rest.GetRowCount());
        Assert.AreEqual(0L, ml.Data.SkipRows(Numbers(ml, 2), 7).GetRowCount());
        Assert.IsEmpty(TransformRows.Column<float>(ml.Data.SkipRows(Numbers(ml, 2), 7), "Value"));
    }

    [TestMethod]
    public void TakeRows_NegativeCount_Throws()
    {
        var ml = new MLContext(1);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Data.TakeRows(Numbers(ml, 2), -1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Data.SkipRows(Numbers(ml, 2), -1));
    }
}
