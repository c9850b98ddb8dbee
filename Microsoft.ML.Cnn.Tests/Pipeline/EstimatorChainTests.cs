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
