// EstimatorChain: Append builds a typed chain, Fit fits each step on the previous output, bad late steps fail early.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms;

namespace Microsoft.ML.Cnn.Tests.Pipeline;

[TestClass]
public sealed class EstimatorChainTests
{
    /// <summary>Rows that count how many times they are enumerated.</summary>
    private sealed class CountingRows(int rows) : IEnumerable<FruitRow>
    {
        public int Passes { get; private set; }

        public IEnumerator<FruitRow> GetEnumerator()
        {
            Passes++;
            for (int i = 0; i < rows; i++) yield return new FruitRow { Fruit = "f", Weight = i, Size = [i, i] };
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>An estimator that reads its input <paramref name="passes"/> times while fitting, as a trainer reads epochs.</summary>
    private sealed class MultiPassEstimator(int passes) : IEstimator<ColumnCopyingTransformer>
    {
        public ColumnCopyingTransformer Fit(IDataView input)
        {
            for (int pass = 0; pass < passes; pass++)
            {
                using var cursor = input.GetRowCursor(input.Schema);
                while (cursor.MoveNext()) { }
            }
            return new ColumnCopyingTransformer(("Again", "A"));
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => new ColumnCopyingEstimator(("Again", "A")).GetOutputSchema(inputSchema);
    }

    [TestMethod]
    public void AppendCacheCheckpoint_ThreePassStep_SourceReadOnce()
    {
        var context = new MLContext(1);
        var rows = new CountingRows(4);
        var data = context.Data.LoadFromEnumerable(rows);
        var chain = context.Transforms.CopyColumns("A", "Weight").AppendCacheCheckpoint(context).Append(new MultiPassEstimator(3));
        var fitted = chain.Fit(data);
        Assert.AreEqual(1, rows.Passes);
        CollectionAssert.AreEqual(new float[] { 0, 1, 2, 3 }, TransformRows.Column<float>(fitted.Transform(data), "Again"));
        Assert.AreEqual(2, rows.Passes, "scoring must read the source, not a cache");
    }

    [TestMethod]
    public void Fit_NoCheckpoint_ThreePassStepReadsSourceThreeTimes()
    {
        var context = new MLContext(1);
        var rows = new CountingRows(4);
        context.Transforms.CopyColumns("A", "Weight").Append(new MultiPassEstimator(3)).Fit(context.Data.LoadFromEnumerable(rows));
        Assert.AreEqual(3, rows.Passes);
    }

    [TestMethod]
    public void AppendCacheCheckpoint_EmptyChain_Fails()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => new EstimatorChain<ITransformer>().AppendCacheCheckpoint(new MLContext(1)));
        StringAssert.Contains(error.Message, "append an estimator first");
    }

    [TestMethod]
    public void Append_TwoEstimators_LastTransformerIsTyped()
    {
        var context = new MLContext(1);
        var chain = context.Transforms.CopyColumns("A", "Weight").Append(context.Transforms.CopyColumns("B", "A"));
        TransformerChain<ColumnCopyingTransformer> fitted = chain.Fit(TransformRows.Fruit(context, TransformRows.Fruits));
        Assert.IsNotNull(fitted.LastTransformer);
        Assert.AreEqual("B", fitted.LastTransformer.Columns[0].OutputColumnName);
        Assert.AreEqual(2, fitted.Count());
        Assert.HasCount(2, chain.Estimators);
    }

    [TestMethod]
    public void Fit_SecondStepReadsFirstStepOutput_Workout()
    {
        var context = new MLContext(1);
        var chain = context.Transforms.CopyColumns("A", "Weight").Append(context.Transforms.CopyColumns("B", "A"));
        var output = EstimatorWorkout.Run(chain, TransformRows.Fruit(context, TransformRows.Fruits), TransformRows.Points(context));
        CollectionAssert.AreEqual(new float[] { 0, 1, 2, 3, 4 }, TransformRows.Column<float>(output, "B"));
    }

    [TestMethod]
    public void GetOutputSchema_BadSecondStep_FailsNamingTheColumn()
    {
        var context = new MLContext(1);
        var chain = context.Transforms.CopyColumns("A", "Weight").Append(context.Transforms.CopyColumns("B", "Missing"));
        var (schemaMessage, fitMessage) = EstimatorWorkout.AssertRejected(chain, TransformRows.Fruit(context, TransformRows.Fruits));
        StringAssert.Contains(schemaMessage, "'Missing'");
        StringAssert.Contains(fitMessage, "'Missing'");
    }

    [TestMethod]
    public void Fit_EmptyChain_ReturnsIdentity()
    {
        var context = new MLContext(1);
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var fitted = new EstimatorChain<ITransformer>().Fit(data);
        Assert.IsNull(fitted.LastTransformer);
        Assert.AreSame(data, fitted.Transform(data));
    }
}
