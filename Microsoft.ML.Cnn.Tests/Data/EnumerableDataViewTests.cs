// LoadFromEnumerable's view: schema from the row class, lazy per-cursor enumeration, row counts.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class EnumerableDataViewTests
{
    private sealed class CountingSource(int rows) : IEnumerable<PointRow>
    {
        public int Enumerations { get; private set; }
        public int RowsRead { get; private set; }

        public IEnumerator<PointRow> GetEnumerator()
        {
            Enumerations++;
            for (int i = 0; i < rows; i++)
            {
                RowsRead++;
                yield return new PointRow { X = i };
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [TestMethod]
    public void Schema_AllTypesRow_HasOneColumnPerMappedMember()
    {
        var schema = new MLContext(1).Data.LoadFromEnumerable(new[] { AllTypesRow.Make(1) }).Schema;
        Assert.AreEqual(16, schema.Count);
        Assert.AreEqual(new KeyDataViewType(3), schema["Label"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 2, 3), schema["Image"].Type);
        Assert.IsFalse(((VectorDataViewType)schema["Variable"].Type).IsKnownSize);
        Assert.AreEqual(TextDataViewType.Instance, schema["Text"].Type);
        Assert.IsNotNull(schema.GetColumnOrNull("Renamed"));
        Assert.IsNull(schema.GetColumnOrNull("Original"));
        Assert.IsNull(schema.GetColumnOrNull("Ignored"));
    }

    [TestMethod]
    public void LoadFromEnumerable_NoCursor_DoesNotEnumerate()
    {
        var source = new CountingSource(3);
        var view = new MLContext(1).Data.LoadFromEnumerable(source);
        using var cursor = view.GetRowCursor(view.Schema);
        Assert.AreEqual(0, source.Enumerations);
        Assert.IsTrue(cursor.MoveNext());
        Assert.AreEqual(1, source.Enumerations);
        Assert.AreEqual(1, source.RowsRead);
    }

    [TestMethod]
    public void GetRowCursor_TwoCursors_EnumerateTheSourceTwice()
    {
        var source = new CountingSource(3);
        var view = new MLContext(1).Data.LoadFromEnumerable(source);
        for (int pass = 0; pass < 2; pass++)
        {
            using var cursor = view.GetRowCursor(view.Schema);
            while (cursor.MoveNext()) { }
            Assert.AreEqual(2, cursor.Position);
        }
        Assert.AreEqual(2, source.Enumerations);
        Assert.AreEqual(6, source.RowsRead);
    }

    [TestMethod]
    public void GetRowCount_ArraySource_IsKnown_StreamingSource_IsNull()
    {
        var data = new MLContext(1).Data;
        Assert.AreEqual(2L, data.LoadFromEnumerable(new[] { new PointRow(), new PointRow() }).GetRowCount());
        Assert.IsNull(data.LoadFromEnumerable(new CountingSource(2)).GetRowCount());
    }

    [TestMethod]
    public void MoveNext_NullRow_ThrowsNamingThePosition()
    {
        var view = new MLContext(1).Data.LoadFromEnumerable<PointRow>(new PointRow[] { new(), null! });
        using var cursor = view.GetRowCursor(view.Schema);
        Assert.IsTrue(cursor.MoveNext());
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => cursor.MoveNext());
        StringAssert.Contains(error.Message, "Row 1");
    }

    [TestMethod]
    public void Getter_KnownSizeVectorWithWrongLength_ThrowsNamingTheColumn()
    {
        var row = AllTypesRow.Make(1);
        row.Image = [1f, 2f];
        var view = new MLContext(1).Data.LoadFromEnumerable(new[] { row });
        using var cursor = view.GetRowCursor(view.Schema);
        cursor.MoveNext();
        var getter = cursor.GetGetter<VBuffer<float>>(view.Schema["Image"]);
        VBuffer<float> value = default;
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => getter(ref value));
        StringAssert.Contains(error.Message, "'Image'");
    }

    [TestMethod]
    public void LoadFromEnumerable_UnsupportedMemberType_ThrowsNamingTheMember()
    {
        var error = Assert.ThrowsExactly<NotSupportedException>(() => new MLContext(1).Data.LoadFromEnumerable(new[] { new UnsupportedRow() }));
        StringAssert.Contains(error.Message, "UnsupportedRow.When");
    }

    public sealed class UnsupportedRow
    {
        public DateTime When;
    }
}
