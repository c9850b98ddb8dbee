// Concatenate: scalars and vectors into one vector, slot names, variable sizes, item-type checks.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Transforms;

[TestClass]
public sealed class ColumnConcatenatingEstimatorTests
{
    private sealed class RaggedRow
    {
        public float A;
        public float[] Rest = [];
    }

    private static string[] SlotNames(IDataView view, string column)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        view.Schema[column].Annotations.GetValue(AnnotationKinds.SlotNames, ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    [TestMethod]
    public void Workout_ScalarAndVector_ConcatenatesInOrder()
    {
        var context = new MLContext(1);
        var output = EstimatorWorkout.Run(context.Transforms.Concatenate("Features", "Weight", "Size", "Weight"),
            TransformRows.Fruit(context, TransformRows.Fruits), TransformRows.Points(context));
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 4), output.Schema["Features"].Type);
        CollectionAssert.AreEqual(new float[] { 3, 3, 30, 3 }, TransformRows.VectorColumn<float>(output, "Features")[3]);
        CollectionAssert.AreEqual(new[] { "Weight", "", "", "Weight" }, SlotNames(output, "Features"));
    }

    [TestMethod]
    public void Workout_ChainedConcatenation_KeepsInnerSlotNames()
    {
        var context = new MLContext(1);
        var pipeline = context.Transforms.Concatenate("Inner", "Weight", "Weight")
            .Append(context.Transforms.Concatenate("Outer", "Size", "Inner"));
        var output = EstimatorWorkout.Run(pipeline, TransformRows.Fruit(context, TransformRows.Fruits));
        CollectionAssert.AreEqual(new[] { "", "", "Weight", "Weight" }, SlotNames(output, "Outer"));
        CollectionAssert.AreEqual(new float[] { 1, 10, 1, 1 }, TransformRows.VectorColumn<float>(output, "Outer")[1]);
    }

    [TestMethod]
    public void Workout_OnlyUnnamedVector_NoSlotNames()
    {
        var context = new MLContext(1);
        var output = EstimatorWorkout.Run(context.Transforms.Concatenate("Twice", "Size", "Size"), TransformRows.Fruit(context, TransformRows.Fruits));
        Assert.IsNull(output.Schema["Twice"].Annotations.Schema.GetColumnOrNull(AnnotationKinds.SlotNames));
    }

    [TestMethod]
    public void Workout_VariableSizeInput_VariableSizeOutput()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(new[]
        {
            new RaggedRow { A = 1, Rest = [2] },
            new RaggedRow { A = 3, Rest = [4, 5, 6] },
        });
        var output = EstimatorWorkout.Run(context.Transforms.Concatenate("All", "A", "Rest"), data);
        Assert.IsFalse(((VectorDataViewType)output.Schema["All"].Type).IsKnownSize);
        var rows = TransformRows.VectorColumn<float>(output, "All");
        CollectionAssert.AreEqual(new float[] { 1, 2 }, rows[0]);
        CollectionAssert.AreEqual(new float[] { 3, 4, 5, 6 }, rows[1]);
    }

    [TestMethod]
    public void Fit_MixedItemTypes_FailsNamingBothColumns()
    {
        var context = new MLContext(1);
        var (schemaMessage, fitMessage) = EstimatorWorkout.AssertRejected(context.Transforms.Concatenate("F", "Weight", "Fruit"),
            TransformRows.Fruit(context, TransformRows.Fruits));
        Assert.AreEqual(schemaMessage, fitMessage);
        StringAssert.Contains(fitMessage, "Schema mismatch for input column 'Fruit': expected items of Single (the item type of 'Weight', the first input), got String");
    }

    [TestMethod]
    public void Transform_MixedItemTypes_TransformerAlsoRejects()
    {
        var context = new MLContext(1);
        var transformer = new Microsoft.ML.Cnn.Transforms.ColumnConcatenatingTransformer("F", "Size", "Fruit");
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transformer.Transform(TransformRows.Fruit(context, TransformRows.Fruits)));
        StringAssert.Contains(error.Message, "'Fruit'");
    }

    [TestMethod]
    public void Constructor_NoInputs_Throws()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext(1).Transforms.Concatenate("F"));
        StringAssert.Contains(error.Message, "at least one input column");
    }
}
