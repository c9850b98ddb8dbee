// CopyColumns: copies values, type and annotations; lazy; missing inputs fail at GetOutputSchema and Fit.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Transforms;

[TestClass]
public sealed class ColumnCopyingEstimatorTests
{
    private sealed class CountingRows(int rows) : IEnumerable<FruitRow>
    {
        public int RowsRead { get; private set; }

        public IEnumerator<FruitRow> GetEnumerator()
        {
            for (int i = 0; i < rows; i++)
            {
                RowsRead++;
                yield return new FruitRow { Fruit = "f", Weight = i, Size = [i, i] };
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [TestMethod]
    public void Workout_ScalarVectorAndText_CopiesValues()
    {
        var context = new MLContext(1);
        var estimator = context.Transforms.CopyColumns(("W", "Weight"), ("S", "Size"), ("F", "Fruit"));
        var output = EstimatorWorkout.Run(estimator, TransformRows.Fruit(context, TransformRows.Fruits), TransformRows.Points(context));
        CollectionAssert.AreEqual(new float[] { 0, 1, 2, 3, 4 }, TransformRows.Column<float>(output, "W"));
        CollectionAssert.AreEqual(new float[] { 2, 20 }, TransformRows.VectorColumn<float>(output, "S")[2]);
        CollectionAssert.AreEqual(TransformRows.Fruits, TransformRows.Text(output, "F"));
    }

    [TestMethod]
    public void Fit_MissingInput_MessageNamesColumnAndAvailableOnes()
    {
        var context = new MLContext(1);
        var (schemaMessage, fitMessage) = EstimatorWorkout.AssertRejected(context.Transforms.CopyColumns("W", "Weight"), TransformRows.Points(context));
        Assert.AreEqual(schemaMessage, fitMessage);
        StringAssert.Contains(fitMessage, "Input column 'Weight' not found");
        StringAssert.Contains(fitMessage, "'Group' (String)");
    }

    [TestMethod]
    public void Transform_NoCursorMoved_ReadsNothing()
    {
        var context = new MLContext(1);
        var rows = new CountingRows(3);
        var data = context.Data.LoadFromEnumerable(rows);
        var output = context.Transforms.CopyColumns("W", "Weight").Fit(data).Transform(data);
        using var cursor = output.GetRowCursor(output.Schema);
        Assert.AreEqual(0, rows.RowsRead);
        Assert.IsTrue(cursor.MoveNext());
        Assert.AreEqual(1, rows.RowsRead);
    }

    [TestMethod]
    public void Transform_OutputNameExists_HidesTheInputColumn()
    {
        var context = new MLContext(1);
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var output = context.Transforms.CopyColumns("Weight", "Fruit").Fit(data).Transform(data);
        Assert.AreEqual(TextDataViewType.Instance, output.Schema["Weight"].Type);
        Assert.AreEqual(data.Schema.Count + 1, output.Schema.Count);
    }

    [TestMethod]
    public void GetRowCursor_OnlyCopyRequested_ActivatesOnlyItsInput()
    {
        var context = new MLContext(1);
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var output = context.Transforms.CopyColumns("W", "Weight").Fit(data).Transform(data);
        using var cursor = output.GetRowCursor([output.Schema["W"]]);
        Assert.IsFalse(cursor.IsColumnActive(output.Schema["Fruit"]));
        Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<ReadOnlyMemory<char>>(output.Schema["Fruit"]));
    }
}
