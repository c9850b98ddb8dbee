// The fitted MapValueToKey transformer: applied to new data, lazily, with the fitted type enforced.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Transforms.Conversion;

[TestClass]
public sealed class ValueToKeyMappingTransformerTests
{
    private sealed class OtherRow
    {
        public double Fruit;
    }

    [TestMethod]
    public void Transform_InputOfAnotherType_FailsNamingFittedType()
    {
        var context = new MLContext(1);
        var transformer = context.Transforms.Conversion.MapValueToKey("Key", "Fruit").Fit(TransformRows.Fruit(context, TransformRows.Fruits));
        var other = context.Data.LoadFromEnumerable(new[] { new OtherRow { Fruit = 1 } });
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transformer.Transform(other));
        StringAssert.Contains(error.Message, "'Fruit': expected String (the type it was fitted on), got Double");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transformer.GetOutputSchema(other.Schema));
    }

    [TestMethod]
    public void Transform_ReusedCursorGetter_ReadsCurrentRow()
    {
        var context = new MLContext(1);
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var output = context.Transforms.Conversion.MapValueToKey("Key", "Fruit").Fit(data).Transform(data);
        using var cursor = output.GetRowCursor([output.Schema["Key"]]);
        var first = cursor.GetGetter<uint>(output.Schema["Key"]);
        var second = cursor.GetGetter<uint>(output.Schema["Key"]);
        uint a = 0, b = 0;
        Assert.IsTrue(cursor.MoveNext());
        Assert.IsTrue(cursor.MoveNext());
        first(ref a);
        second(ref b);
        Assert.AreEqual(2u, a);
        Assert.AreEqual(2u, b);
        Assert.IsFalse(cursor.IsColumnActive(output.Schema["Weight"]));
    }

    [TestMethod]
    public void Map_ValuesAsText_InKeyOrder()
    {
        var context = new MLContext(1);
        var transformer = context.Transforms.Conversion.MapValueToKey("Key", "Fruit").Fit(TransformRows.Fruit(context, TransformRows.Fruits));
        CollectionAssert.AreEqual(new[] { "pear", "apple", "fig" }, transformer.Map.ValuesAsText().ToArray());
        Assert.AreEqual(TextDataViewType.Instance, transformer.Map.ValueType);
        Assert.IsTrue(transformer.IsRowToRowMapper);
    }
}
