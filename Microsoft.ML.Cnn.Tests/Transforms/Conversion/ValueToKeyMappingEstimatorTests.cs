// MapValueToKey: keys by occurrence or value, 0 for missing/unseen, KeyValues annotation, limits, bad input.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms.Conversion;

namespace Microsoft.ML.Cnn.Tests.Transforms.Conversion;

[TestClass]
public sealed class ValueToKeyMappingEstimatorTests
{
    private sealed class NumberRow
    {
        public float Value;
        public bool Flag;
    }

    private static IDataView Numbers(MLContext context, params float[] values) =>
        context.Data.LoadFromEnumerable(values.Select(v => new NumberRow { Value = v, Flag = v > 1 }).ToArray());

    private static string[] KeyValuesText(IDataView view, string column)
    {
        VBuffer<ReadOnlyMemory<char>> values = default;
        view.Schema[column].Annotations.GetValue(AnnotationKinds.KeyValues, ref values);
        return values.DenseValues().Select(v => v.ToString()).ToArray();
    }

    [TestMethod]
    public void Workout_TextColumn_KeysByOccurrence()
    {
        var context = new MLContext(1);
        var output = EstimatorWorkout.Run(context.Transforms.Conversion.MapValueToKey("Key", "Fruit"),
            TransformRows.Fruit(context, TransformRows.Fruits), TransformRows.Points(context));
        Assert.AreEqual(new KeyDataViewType(3), output.Schema["Key"].Type);
        CollectionAssert.AreEqual(new uint[] { 1, 2, 1, 3, 2 }, TransformRows.Column<uint>(output, "Key"));
        CollectionAssert.AreEqual(new[] { "pear", "apple", "fig" }, KeyValuesText(output, "Key"));
    }

    [TestMethod]
    public void Fit_ByValue_KeysInSortedOrder()
    {
        var context = new MLContext(1);
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var output = context.Transforms.Conversion.MapValueToKey("Key", "Fruit", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { "apple", "fig", "pear" }, KeyValuesText(output, "Key"));
        CollectionAssert.AreEqual(new uint[] { 3, 1, 3, 2, 1 }, TransformRows.Column<uint>(output, "Key"));
    }

    [TestMethod]
    public void Fit_NumbersByValueWithNaN_NaNIsMissing()
    {
        var context = new MLContext(1);
        var output = EstimatorWorkout.Run(
            context.Transforms.Conversion.MapValueToKey("Value", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue),
            Numbers(context, 5, float.NaN, -1, 5));
        CollectionAssert.AreEqual(new uint[] { 2, 0, 1, 2 }, TransformRows.Column<uint>(output, "Value"));
        VBuffer<float> values = default;
        output.Schema["Value"].Annotations.GetValue(AnnotationKinds.KeyValues, ref values);
        CollectionAssert.AreEqual(new float[] { -1, 5 }, values.ToArray());
    }

    [TestMethod]
    public void Fit_MaximumNumberOfKeys_ExtraValuesMapToZero()
    {
        var context = new MLContext(1);
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var output = context.Transforms.Conversion.MapValueToKey("Key", "Fruit", maximumNumberOfKeys: 2).Fit(data).Transform(data);
        Assert.AreEqual(new KeyDataViewType(2), output.Schema["Key"].Type);
        CollectionAssert.AreEqual(new uint[] { 1, 2, 1, 0, 2 }, TransformRows.Column<uint>(output, "Key"));
    }

    [TestMethod]
    public void Workout_KeyValuesAsText_NumbersPrintedInvariant()
    {
        var context = new MLContext(1);
        var output = EstimatorWorkout.Run(context.Transforms.Conversion.MapValueToKey("K", "Value", addKeyValueAnnotationsAsText: true),
            Numbers(context, 0.5f, 2));
        CollectionAssert.AreEqual(new[] { "0.5", "2" }, KeyValuesText(output, "K"));
    }

    [TestMethod]
    public void Workout_BooleanColumn_TwoKeys()
    {
        var context = new MLContext(1);
        var output = EstimatorWorkout.Run(context.Transforms.Conversion.MapValueToKey("K", "Flag"), Numbers(context, 0, 2, 3));
        CollectionAssert.AreEqual(new uint[] { 1, 2, 2 }, TransformRows.Column<uint>(output, "K"));
    }

    [TestMethod]
    public void Transform_UnseenValue_MapsToZero()
    {
        var context = new MLContext(1);
        var transformer = context.Transforms.Conversion.MapValueToKey("Key", "Fruit").Fit(TransformRows.Fruit(context, "pear", "fig"));
        var output = transformer.Transform(TransformRows.Fruit(context, "fig", "kiwi", "pear"));
        CollectionAssert.AreEqual(new uint[] { 2, 0, 1 }, TransformRows.Column<uint>(output, "Key"));
        Assert.AreEqual(2, transformer.Map.Count);
    }

    [TestMethod]
    public void Fit_VectorColumn_FailsAtSchemaAndFit()
    {
        var context = new MLContext(1);
        var (schemaMessage, fitMessage) = EstimatorWorkout.AssertRejected(context.Transforms.Conversion.MapValueToKey("Key", "Size"),
            TransformRows.Fruit(context, TransformRows.Fruits));
        Assert.AreEqual(schemaMessage, fitMessage);
        StringAssert.Contains(fitMessage, "Schema mismatch for input column 'Size': expected a scalar of Single");
        StringAssert.Contains(fitMessage, "got Vector<Single>");
    }

    [TestMethod]
    public void Fit_KeyColumn_Rejected()
    {
        var context = new MLContext(1);
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var keyed = context.Transforms.Conversion.MapValueToKey("Key", "Fruit").Fit(data).Transform(data);
        var (_, fitMessage) = EstimatorWorkout.AssertRejected(context.Transforms.Conversion.MapValueToKey("Again", "Key"), keyed);
        StringAssert.Contains(fitMessage, "got Key<UInt32>");
    }

    [TestMethod]
    public void Fit_OnlyNaN_ThrowsNamingTheColumn()
    {
        var context = new MLContext(1);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            context.Transforms.Conversion.MapValueToKey("Value").Fit(Numbers(context, float.NaN)));
        StringAssert.Contains(error.Message, "'Value' has no non-missing values");
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-3)]
    public void Constructor_NonPositiveMaximum_Throws(int maximum)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ValueToKeyMappingEstimator("K", maximumNumberOfKeys: maximum));
        StringAssert.Contains(error.Message, "at least 1");
    }
}
