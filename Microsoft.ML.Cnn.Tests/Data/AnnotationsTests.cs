// Column annotations: slot names and key values by kind, typed getters, and errors for absent or mistyped kinds.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class AnnotationsTests
{
    private static DataViewSchema.Annotations SlotAndKeyAnnotations()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.AddSlotNames(2, (ref VBuffer<ReadOnlyMemory<char>> value) => value = new(["width".AsMemory(), "height".AsMemory()]));
        builder.AddKeyValues(3, TextDataViewType.Instance,
            (ref VBuffer<ReadOnlyMemory<char>> value) => value = new(["cat".AsMemory(), "dog".AsMemory(), "bird".AsMemory()]));
        return builder.ToAnnotations();
    }

    [TestMethod]
    public void GetValue_SlotNames_ReturnsTheNames()
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        SlotAndKeyAnnotations().GetValue(AnnotationKinds.SlotNames, ref names);
        CollectionAssert.AreEqual(new[] { "width", "height" }, names.DenseValues().Select(n => n.ToString()).ToArray());
    }

    [TestMethod]
    public void Schema_KeyValues_IsAKnownSizeTextVector()
    {
        var column = SlotAndKeyAnnotations().Schema[AnnotationKinds.KeyValues];
        Assert.AreEqual(new VectorDataViewType(TextDataViewType.Instance, 3), column.Type);
        VBuffer<ReadOnlyMemory<char>> values = default;
        SlotAndKeyAnnotations().GetGetter<VBuffer<ReadOnlyMemory<char>>>(column)(ref values);
        Assert.AreEqual("dog", values.GetItemOrDefault(1).ToString());
    }

    [TestMethod]
    public void GetValue_AbsentKind_ThrowsListingPresentKinds()
    {
        float value = 0;
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => SlotAndKeyAnnotations().GetValue("IsNormalized", ref value));
        StringAssert.Contains(error.Message, "IsNormalized");
        StringAssert.Contains(error.Message, AnnotationKinds.SlotNames);
    }

    [TestMethod]
    public void GetValue_WrongType_ThrowsNamingBothTypes()
    {
        float value = 0;
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => SlotAndKeyAnnotations().GetValue(AnnotationKinds.SlotNames, ref value));
        StringAssert.Contains(error.Message, "Single");
        StringAssert.Contains(error.Message, "VBuffer");
    }

    [TestMethod]
    public void Add_GetterTypeDiffersFromDeclaredType_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => new DataViewSchema.Annotations.Builder()
            .Add("Custom", NumberDataViewType.Double, (ref float value) => value = 1f));

    [TestMethod]
    public void Column_WithAnnotations_ExposesThem()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 2), SlotAndKeyAnnotations());
        Assert.AreEqual(2, builder.ToSchema()["Features"].Annotations.Schema.Count);
    }
}
