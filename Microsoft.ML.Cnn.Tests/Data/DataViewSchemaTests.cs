// Schemas: column lookup by index and name, hidden columns, errors listing the available columns.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class DataViewSchemaTests
{
    private static DataViewSchema Schema()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Label", new KeyDataViewType(3));
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 1, 2, 2));
        builder.AddColumn("Label", NumberDataViewType.Single);
        return builder.ToSchema();
    }

    [TestMethod]
    public void Indexer_ByName_FindsTheLastColumnOfThatName()
    {
        var schema = Schema();
        Assert.AreEqual(3, schema.Count);
        Assert.AreEqual(2, schema["Label"].Index);
        Assert.AreEqual(NumberDataViewType.Single, schema["Label"].Type);
        Assert.IsTrue(schema[0].IsHidden);
        Assert.IsFalse(schema[2].IsHidden);
    }

    [TestMethod]
    public void Indexer_ByIndex_ReturnsNameTypeAndIndex()
    {
        var column = Schema()[1];
        Assert.AreEqual("Features", column.Name);
        Assert.AreEqual(1, column.Index);
        Assert.AreEqual(4, ((VectorDataViewType)column.Type).Size);
        Assert.AreEqual(0, column.Annotations.Schema.Count);
    }

    [TestMethod]
    public void Indexer_UnknownName_ThrowsListingAvailableColumns()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Schema()["Lable"]);
        StringAssert.Contains(error.Message, "'Lable'");
        StringAssert.Contains(error.Message, "'Features'");
    }

    [TestMethod]
    public void GetColumnOrNull_UnknownName_ReturnsNull() => Assert.IsNull(Schema().GetColumnOrNull("Score"));

    [TestMethod]
    public void Indexer_IndexOutOfRange_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Schema()[3]);

    [TestMethod]
    public void AddColumns_FromAnotherSchema_CopiesNamesAndTypes()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(Schema());
        var copy = builder.ToSchema();
        Assert.AreEqual(3, copy.Count);
        Assert.AreEqual(Schema()[1].Type, copy[1].Type);
    }

    [TestMethod]
    public void AddColumn_EmptyName_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => new DataViewSchema.Builder().AddColumn("", NumberDataViewType.Single));
}
