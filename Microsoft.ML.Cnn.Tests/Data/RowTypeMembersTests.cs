// RowTypeMembers beyond the primitive and array members: VBuffer members (vectors without copying into arrays, refilled
// in place) and MLImage members (image columns in and out of row objects).
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class RowTypeMembersTests
{
    public sealed class BufferRow
    {
        [VectorType(3)] public VBuffer<float> Values;
        public VBuffer<ReadOnlyMemory<char>> Words { get; set; }
    }

    public sealed class ImageRow
    {
        public MLImage Picture { get; set; } = null!;
    }

    [TestMethod]
    public void Describe_VBufferAndImageMembers_VectorAndImageTypes()
    {
        var buffers = RowTypeMembers.Describe(typeof(BufferRow));
        Assert.AreEqual<DataViewType>(new VectorDataViewType(NumberDataViewType.Single, 3), buffers["Values"].ColumnType);
        Assert.AreEqual<DataViewType>(new VectorDataViewType(TextDataViewType.Instance), buffers["Words"].ColumnType);
        Assert.AreEqual<DataViewType>(new ImageDataViewType(), RowTypeMembers.Describe(typeof(ImageRow))["Picture"].ColumnType);
    }

    [TestMethod]
    public void LoadAndCreateEnumerable_VBufferMembers_RoundTrip()
    {
        var context = new MLContext(1);
        var rows = new[]
        {
            new BufferRow { Values = new VBuffer<float>([1, 2, 3]), Words = new VBuffer<ReadOnlyMemory<char>>(["a".AsMemory()]) },
            new BufferRow { Values = new VBuffer<float>([4, 5, 6]), Words = new VBuffer<ReadOnlyMemory<char>>(["b".AsMemory(), "c".AsMemory()]) },
        };
        var back = context.Data.CreateEnumerable<BufferRow>(context.Data.LoadFromEnumerable(rows)).ToArray();
        CollectionAssert.AreEqual(new float[] { 4, 5, 6 }, back[1].Values.ToArray());
        CollectionAssert.AreEqual(new[] { "b", "c" }, back[1].Words.DenseValues().Select(w => w.ToString()).ToArray());
    }

    [TestMethod]
    public void CreateEnumerable_ReusedRowObject_VBufferArrayRefilledInPlace()
    {
        var context = new MLContext(1);
        var rows = new[] { new BufferRow { Values = new VBuffer<float>([1, 2, 3]) }, new BufferRow { Values = new VBuffer<float>([4, 5, 6]) } };
        VBuffer<float> first = default;
        bool isFirst = true;
        foreach (var row in context.Data.CreateEnumerable<BufferRow>(context.Data.LoadFromEnumerable(rows), reuseRowObject: true))
        {
            if (isFirst) first = row.Values; // a copy of the struct, sharing the row's array
            isFirst = false;
        }
        CollectionAssert.AreEqual(new float[] { 4, 5, 6 }, first.ToArray(), "the second row was written into the first row's array");
    }

    [TestMethod]
    public void LoadFromEnumerable_VBufferOfWrongLength_ThrowsNamingTheColumn()
    {
        var context = new MLContext(1);
        var view = context.Data.LoadFromEnumerable(new[] { new BufferRow { Values = new VBuffer<float>([1, 2]) } });
        using var cursor = view.GetRowCursor([view.Schema["Values"]]);
        var getter = cursor.GetGetter<VBuffer<float>>(view.Schema["Values"]);
        Assert.IsTrue(cursor.MoveNext());
        VBuffer<float> value = default;
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => getter(ref value));
        StringAssert.Contains(error.Message, "Column 'Values' is a vector of 3 items");
    }

    [TestMethod]
    public void LoadFromEnumerable_ImageMember_ReadsTheImageAndRejectsNull()
    {
        var context = new MLContext(1);
        var image = MLImage.CreateFromPixels(2, 1, MLPixelFormat.Gray8, [7, 9]);
        var view = context.Data.LoadFromEnumerable(new[] { new ImageRow { Picture = image }, new ImageRow() });
        using var cursor = view.GetRowCursor([view.Schema["Picture"]]);
        var getter = cursor.GetGetter<MLImage>(view.Schema["Picture"]);
        MLImage value = null!;
        Assert.IsTrue(cursor.MoveNext());
        getter(ref value);
        Assert.AreSame(image, value);
        Assert.IsTrue(cursor.MoveNext());
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => getter(ref value));
        StringAssert.Contains(error.Message, "Column 'Picture': a row's MLImage member is null");
    }
}
