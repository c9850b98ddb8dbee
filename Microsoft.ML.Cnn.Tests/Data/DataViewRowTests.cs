// Getter requests: typed values, wrong-type and inactive-column errors, reading before the first row.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class DataViewRowTests
{
    private static IDataView View() => new MLContext(1).Data.LoadFromEnumerable(new[] { AllTypesRow.Make(1), AllTypesRow.Make(2) });

    [TestMethod]
    public void GetGetter_ActiveColumn_ReadsEachRow()
    {
        var view = View();
        using var cursor = view.GetRowCursor([view.Schema["Single"]]);
        var getter = cursor.GetGetter<float>(view.Schema["Single"]);
        var values = new List<float>();
        while (cursor.MoveNext())
        {
            float value = 0;
            getter(ref value);
            values.Add(value);
        }
        CollectionAssert.AreEqual(new[] { 1.5f, 2.5f }, values);
    }

    [TestMethod]
    public void GetGetter_WrongType_ThrowsNamingColumnAndBothTypes()
    {
        var view = View();
        using var cursor = view.GetRowCursor(view.Schema);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<double>(view.Schema["Single"]));
        StringAssert.Contains(error.Message, "'Single'");
        StringAssert.Contains(error.Message, "Double");
        StringAssert.Contains(error.Message, "read as Single");
    }

    [TestMethod]
    public void GetGetter_InactiveColumn_ThrowsNamingTheColumn()
    {
        var view = View();
        using var cursor = view.GetRowCursor([view.Schema["Single"]]);
        Assert.IsFalse(cursor.IsColumnActive(view.Schema["Text"]));
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["Text"]));
        StringAssert.Contains(error.Message, "'Text'");
        StringAssert.Contains(error.Message, "not active");
    }

    [TestMethod]
    public void GetGetter_ColumnOfAnotherSchema_Throws()
    {
        var view = View();
        var other = new MLContext(1).Data.LoadFromEnumerable(new[] { new PointRow() });
        using var cursor = view.GetRowCursor(view.Schema);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => cursor.GetGetter<float>(other.Schema["X"]));
    }

    [TestMethod]
    public void Getter_BeforeMoveNext_ThrowsAskingForMoveNext()
    {
        var view = View();
        using var cursor = view.GetRowCursor(view.Schema);
        var getter = cursor.GetGetter<float>(view.Schema["Single"]);
        float value = 0;
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => getter(ref value));
        StringAssert.Contains(error.Message, "MoveNext");
        Assert.AreEqual(-1L, cursor.Position);
    }

    [TestMethod]
    public void GetGetter_KeyColumn_ReadsOneBasedKey()
    {
        var view = View();
        using var cursor = view.GetRowCursor(view.Schema);
        var getter = cursor.GetGetter<uint>(view.Schema["Label"]);
        cursor.MoveNext();
        uint key = 0;
        getter(ref key);
        Assert.AreEqual(2u, key);
    }
}
