// MapKeyToValue: round trip with MapValueToKey, missing keys, and rejection of keys without KeyValues.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Transforms.Conversion;

[TestClass]
public sealed class KeyToValueMappingEstimatorTests
{
    private sealed class BareKeyRow
    {
        [KeyType(3)] public uint Label;
    }

    [TestMethod]
    public void Workout_RoundTrip_RestoresStrings()
    {
        var context = new MLContext(1);
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var keyed = context.Transforms.Conversion.MapValueToKey("Key", "Fruit").Fit(data).Transform(data);
        var output = EstimatorWorkout.Run(context.Transforms.Conversion.MapKeyToValue("Restored", "Key"), keyed, data);
        Assert.AreEqual(TextDataViewType.Instance, output.Schema["Restored"].Type);
        var rows = context.Data.CreateEnumerable<FruitOutputRow>(output).ToArray();
        CollectionAssert.AreEqual(TransformRows.Fruits, rows.Select(r => r.Restored).ToArray());
    }

    [TestMethod]
    public void Fit_Chain_UnseenValueRestoredAsEmpty()
    {
        var context = new MLContext(1);
        var pipeline = context.Transforms.Conversion.MapValueToKey("Key", "Fruit")
            .Append(context.Transforms.Conversion.MapKeyToValue("Restored", "Key"));
        var model = pipeline.Fit(TransformRows.Fruit(context, "pear", "fig"));
        var output = model.Transform(TransformRows.Fruit(context, "fig", "kiwi"));
        CollectionAssert.AreEqual(new[] { "fig", "" }, TransformRows.Text(output, "Restored"));
    }

    [TestMethod]
    public void Fit_FloatRoundTripWithNaN_NaNStaysMissing()
    {
        var context = new MLContext(1);
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var pipeline = context.Transforms.Conversion.MapValueToKey("Weight")
            .Append(context.Transforms.Conversion.MapKeyToValue("Weight"));
        var output = pipeline.Fit(data).Transform(data);
        CollectionAssert.AreEqual(new float[] { 0, 1, 2, 3, 4 }, TransformRows.Column<float>(output, "Weight"));
        var unseen = pipeline.Fit(data).Transform(TransformRows.Fruit(context, "a", "b", "c", "d", "e", "f"));
        Assert.IsTrue(float.IsNaN(TransformRows.Column<float>(unseen, "Weight")[5]));
    }

    [TestMethod]
    public void Fit_KeyWithoutKeyValues_FailsAtSchemaAndFit()
    {
        var context = new MLContext(1);
        var bare = context.Data.LoadFromEnumerable(new[] { new BareKeyRow { Label = 2 } });
        var (schemaMessage, fitMessage) = EstimatorWorkout.AssertRejected(context.Transforms.Conversion.MapKeyToValue("Label"), bare);
        Assert.AreEqual(schemaMessage, fitMessage);
        StringAssert.Contains(fitMessage, "'Label': expected a scalar key column with a KeyValues annotation");
        StringAssert.Contains(fitMessage, "got Key<UInt32> without KeyValues");
    }

    [TestMethod]
    public void Fit_NotAKey_FailsNamingType()
    {
        var context = new MLContext(1);
        var (_, fitMessage) = EstimatorWorkout.AssertRejected(context.Transforms.Conversion.MapKeyToValue("Out", "Fruit"),
            TransformRows.Fruit(context, TransformRows.Fruits));
        StringAssert.Contains(fitMessage, "got String without KeyValues");
    }

    [TestMethod]
    public void GetOutputSchema_FromValueToKeyShape_PredictsValueType()
    {
        var context = new MLContext(1);
        var shape = SchemaShape.Create(TransformRows.Fruit(context, TransformRows.Fruits).Schema);
        var keyShape = context.Transforms.Conversion.MapValueToKey("Key", "Fruit").GetOutputSchema(shape);
        var restored = context.Transforms.Conversion.MapKeyToValue("Restored", "Key").GetOutputSchema(keyShape);
        Assert.IsTrue(restored.TryFindColumn("Restored", out var column));
        Assert.AreEqual("String", column.GetTypeString());
    }
}
