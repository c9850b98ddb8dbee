// RowObjectFiller: members matched to columns by name, missing columns skipped only when asked, type and setter
// mismatches always rejected with the column named.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class RowObjectFillerTests
{
    public sealed class Target
    {
        public float X { get; set; }
        public string Missing { get; set; } = "unset";
    }

    public sealed class ReadOnlyTarget
    {
        public float X => 0;
    }

    private static IDataView Points() => new MLContext(1).Data.LoadFromEnumerable(new[] { new PointRow { X = 4, Group = "g" } });

    [TestMethod]
    public void Create_MissingColumnIgnored_SkipsTheMember()
    {
        var data = Points();
        var filler = RowObjectFiller<Target>.Create(data.Schema, RowTypeMembers.Bind<Target>(SchemaDefinition.Create(typeof(Target))), true, "the data", "data");
        CollectionAssert.AreEqual(new[] { "X" }, filler.Columns.Select(c => c.Name).ToArray());
        using var cursor = data.GetRowCursor(filler.Columns);
        var setters = filler.CreateSetters(cursor);
        Assert.IsTrue(cursor.MoveNext());
        var target = new Target();
        foreach (var set in setters) set(target);
        Assert.AreEqual(4f, target.X);
        Assert.AreEqual("unset", target.Missing);
    }

    [TestMethod]
    public void Create_MissingColumnNotIgnored_NamesItAndTheAvailableOnes()
    {
        var data = Points();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            RowObjectFiller<Target>.Create(data.Schema, RowTypeMembers.Bind<Target>(SchemaDefinition.Create(typeof(Target))), false, "the source", "source"));
        Assert.AreEqual("source", error.ParamName);
        StringAssert.Contains(error.Message, "Target needs a column 'Missing', which the source does not have");
        StringAssert.Contains(error.Message, "'Group' (String)");
    }

    [TestMethod]
    public void Create_ReadOnlyMember_SaysToMakeItWritable()
    {
        var data = Points();
        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            RowObjectFiller<ReadOnlyTarget>.Create(data.Schema, RowTypeMembers.Bind<ReadOnlyTarget>(SchemaDefinition.Create(typeof(ReadOnlyTarget))), true, "the data", "data"));
        StringAssert.Contains(error.Message, "column 'X' to a member without a public setter");
    }
}
