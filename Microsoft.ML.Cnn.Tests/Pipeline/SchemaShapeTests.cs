// SchemaShape: reduction of a DataViewSchema to kinds, item types, key-ness and annotation kinds.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.Data;

namespace Microsoft.ML.Cnn.Tests.Pipeline;

[TestClass]
public sealed class SchemaShapeTests
{
    private static SchemaShape AllTypes() =>
        SchemaShape.Create(new MLContext(1).Data.LoadFromEnumerable(new[] { AllTypesRow.Make(1) }).Schema);

    [TestMethod]
    [DataRow("Single", SchemaShape.VectorKind.Scalar, "Single", false)]
    [DataRow("Label", SchemaShape.VectorKind.Scalar, "UInt32", true)]
    [DataRow("Image", SchemaShape.VectorKind.Vector, "Single", false)]
    [DataRow("Variable", SchemaShape.VectorKind.VariableVector, "Double", false)]
    [DataRow("Text", SchemaShape.VectorKind.Scalar, "String", false)]
    public void Create_AllTypesRow_DescribesEachColumn(string name, SchemaShape.VectorKind kind, string itemType, bool isKey)
    {
        Assert.IsTrue(AllTypes().TryFindColumn(name, out var column));
        Assert.AreEqual(kind, column.Kind);
        Assert.AreEqual(itemType, column.ItemType.ToString());
        Assert.AreEqual(isKey, column.IsKey);
    }

    [TestMethod]
    [DataRow("Label", "Key<UInt32>")]
    [DataRow("Image", "Vector<Single>")]
    [DataRow("Variable", "VarVector<Double>")]
    [DataRow("Boolean", "Boolean")]
    public void GetTypeString_Column_MatchesMlNetWording(string name, string expected)
    {
        Assert.IsTrue(AllTypes().TryFindColumn(name, out var column));
        Assert.AreEqual(expected, column.GetTypeString());
    }

    [TestMethod]
    public void Create_HiddenColumn_IsLeftOut()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("A", NumberDataViewType.Single);
        builder.AddColumn("A", TextDataViewType.Instance);
        var shape = SchemaShape.Create(builder.ToSchema());
        Assert.AreEqual(1, shape.Count);
        Assert.AreEqual(TextDataViewType.Instance, shape[0].ItemType);
    }

    [TestMethod]
    public void Create_KeyValuesAnnotation_AppearsAsAnnotationColumn()
    {
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.AddKeyValues(2, TextDataViewType.Instance, (ref VBuffer<ReadOnlyMemory<char>> v) => v = new VBuffer<ReadOnlyMemory<char>>(["a".AsMemory(), "b".AsMemory()]));
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Key", new KeyDataViewType(2), annotations.ToAnnotations());
        var shape = SchemaShape.Create(builder.ToSchema());
        Assert.IsTrue(shape[0].Annotations.TryFindColumn(AnnotationKinds.KeyValues, out var keyValues));
        Assert.AreEqual("Vector<String>", keyValues.GetTypeString());
    }

    [TestMethod]
    public void IsSameAs_DifferentAnnotations_False()
    {
        var annotation = new SchemaShape([new SchemaShape.Column(AnnotationKinds.SlotNames, SchemaShape.VectorKind.Vector, TextDataViewType.Instance, false)]);
        var plain = new SchemaShape.Column("X", SchemaShape.VectorKind.Vector, NumberDataViewType.Single, false);
        var named = new SchemaShape.Column("X", SchemaShape.VectorKind.Vector, NumberDataViewType.Single, false, annotation);
        Assert.IsFalse(plain.IsSameAs(named));
        Assert.IsTrue(named.IsSameAs(named));
    }

    [TestMethod]
    public void Column_KeyItemType_Rejected()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new SchemaShape.Column("K", SchemaShape.VectorKind.Scalar, new KeyDataViewType(3), true));
        StringAssert.Contains(error.Message, "'K'");
    }
}
