// mlContext.Data: LoadFromEnumerable ↔ CreateEnumerable round trips and column mapping errors.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed partial class DataOperationsCatalogTests
{
    [TestMethod]
    public void CreateEnumerable_AfterLoadFromEnumerable_RoundTripsEveryType()
    {
        var data = new MLContext(1).Data;
        var rows = Enumerable.Range(0, 4).Select(AllTypesRow.Make).ToArray();

        var back = data.CreateEnumerable<AllTypesRow>(data.LoadFromEnumerable(rows)).ToArray();

        Assert.HasCount(4, back);
        for (int i = 0; i < rows.Length; i++)
        {
            var (a, b) = (rows[i], back[i]);
            Assert.AreEqual(a.Single, b.Single);
            Assert.AreEqual(a.Double, b.Double);
            Assert.AreEqual(a.Int32, b.Int32);
            Assert.AreEqual(a.UInt32, b.UInt32);
            Assert.AreEqual(a.Byte, b.Byte);
            Assert.AreEqual(a.Boolean, b.Boolean);
            Assert.AreEqual(a.Text, b.Text);
            Assert.AreEqual(a.Label, b.Label);
            Assert.AreEqual(a.Original, b.Original);
            CollectionAssert.AreEqual(a.Image, b.Image);
            CollectionAssert.AreEqual(a.Variable, b.Variable);
            CollectionAssert.AreEqual(a.Ints, b.Ints);
            CollectionAssert.AreEqual(a.UInts, b.UInts);
            CollectionAssert.AreEqual(a.Bytes, b.Bytes);
            CollectionAssert.AreEqual(a.Flags, b.Flags);
            CollectionAssert.AreEqual(a.Words, b.Words);
            Assert.AreNotSame(a.Image, b.Image);
        }
    }

    [TestMethod]
    public void CreateEnumerable_ReuseRowObject_YieldsOneObjectRefilled()
    {
        var data = new MLContext(1).Data;
        var view = data.LoadFromEnumerable(new[] { new PointRow { X = 1 }, new PointRow { X = 2 } });
        var seen = new List<(PointRow Row, float X)>();
        foreach (var row in data.CreateEnumerable<PointRow>(view, reuseRowObject: true)) seen.Add((row, row.X));
        Assert.AreSame(seen[0].Row, seen[1].Row);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, seen.Select(s => s.X).ToArray());
    }

    [TestMethod]
    public void CreateEnumerable_MissingColumn_ThrowsNamingItAndTheAvailableOnes()
    {
        var data = new MLContext(1).Data;
        var view = data.LoadFromEnumerable(new[] { new PointRow() });
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => data.CreateEnumerable<AllTypesRow>(view));
        StringAssert.Contains(error.Message, "'Single'");
        StringAssert.Contains(error.Message, "'X'");
    }

    [TestMethod]
    public void CreateEnumerable_TypeMismatch_ThrowsNamingTheColumn()
    {
        var data = new MLContext(1).Data;
        var view = data.LoadFromEnumerable(new[] { new PointRow() });
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => data.CreateEnumerable<TextX>(view));
        StringAssert.Contains(error.Message, "'X'");
        StringAssert.Contains(error.Message, "Single");
    }

    [TestMethod]
    public void LoadFromEnumerable_DefinitionWithDimensions_GivesKnownSizeVector()
    {
        var definition = SchemaDefinition.Create(typeof(AllTypesRow));
        definition["Variable"].ColumnType = new VectorDataViewType(NumberDataViewType.Double, 2);
        var row = AllTypesRow.Make(2);
        var view = new MLContext(1).Data.LoadFromEnumerable(new[] { row }, definition);
        Assert.AreEqual(2, ((VectorDataViewType)view.Schema["Variable"].Type).Size);
    }

    [TestMethod]
    public void LoadFromEnumerable_DefinitionWithIncompatibleType_ThrowsNamingMember()
    {
        var definition = SchemaDefinition.Create(typeof(PointRow));
        definition["X"].ColumnType = NumberDataViewType.Double;
        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext(1).Data.LoadFromEnumerable(new[] { new PointRow() }, definition));
        StringAssert.Contains(error.Message, "PointRow.X");
    }

    public sealed class TextX
    {
        public string X = "";
    }
}
