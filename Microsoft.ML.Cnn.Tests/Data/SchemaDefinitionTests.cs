// Schema definitions read from row classes: names, types, attributes and lookup errors.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class SchemaDefinitionTests
{
    [TestMethod]
    public void Create_AttributedMembers_MapsNamesAndTypes()
    {
        var definition = SchemaDefinition.Create(typeof(AllTypesRow));
        Assert.AreEqual("Original", definition["Renamed"].MemberName);
        Assert.AreEqual(new KeyDataViewType(3), definition["Label"].ColumnType);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 2, 3), definition["Image"].ColumnType);
        Assert.IsFalse(definition.Any(c => c.MemberName == "Ignored"));
    }

    [TestMethod]
    public void Indexer_UnknownName_ThrowsListingDefinedNames()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SchemaDefinition.Create(typeof(PointRow))["Y"]);
        StringAssert.Contains(error.Message, "Group");
    }

    [TestMethod]
    public void Create_KeyTypeOnFloat_Throws() =>
        Assert.ThrowsExactly<NotSupportedException>(() => SchemaDefinition.Create(typeof(BadKeyRow)));

    public sealed class BadKeyRow
    {
        [KeyType(3)] public float Label;
    }
}
