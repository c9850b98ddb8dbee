// The label's key values captured at Fit: text and numbers, their names, and their annotation and model-file forms.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class LabelKeyValuesTests
{
    private static DataViewSchema.Column Label<T>(PrimitiveDataViewType itemType, params T[] values)
    {
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.AddKeyValues(values.Length, itemType, (ref VBuffer<T> v) => new VBuffer<T>(values).CopyTo(ref v));
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Label", new KeyDataViewType((ulong)values.Length), annotations.ToAnnotations());
        return builder.ToSchema()["Label"];
    }

    [TestMethod]
    public void Capture_TextOrNumbers_NamesEachClass()
    {
        var text = LabelKeyValues.Capture(Label(TextDataViewType.Instance, "cat".AsMemory(), "dog".AsMemory()))!;
        var numbers = LabelKeyValues.Capture(Label(NumberDataViewType.Double, 0.5, 7.0))!;

        CollectionAssert.AreEqual(new[] { "cat", "dog" }, text.Names.ToArray());
        CollectionAssert.AreEqual(new[] { "0.5", "7" }, numbers.Names.ToArray());
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Double, 2), numbers.Type);
    }

    [TestMethod]
    public void Capture_KeyWithoutKeyValues_IsNull()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Label", new KeyDataViewType(4));

        Assert.IsNull(LabelKeyValues.Capture(builder.ToSchema()["Label"]));
    }

    [TestMethod]
    public void AddTo_CopiesTheAnnotationAndSlotNamesAreText()
    {
        var captured = LabelKeyValues.Capture(Label(NumberDataViewType.Int32, 10, 20, 30))!;
        var keyValues = new DataViewSchema.Annotations.Builder();
        captured.AddTo(keyValues);
        var slotNames = new DataViewSchema.Annotations.Builder();
        captured.AddSlotNamesTo(slotNames);

        VBuffer<int> values = default;
        keyValues.ToAnnotations().GetValue(AnnotationKinds.KeyValues, ref values);
        VBuffer<ReadOnlyMemory<char>> names = default;
        slotNames.ToAnnotations().GetValue(AnnotationKinds.SlotNames, ref names);

        CollectionAssert.AreEqual(new[] { 10, 20, 30 }, values.ToArray());
        CollectionAssert.AreEqual(new[] { "10", "20", "30" }, names.DenseValues().Select(n => n.ToString()).ToArray());
    }
}
