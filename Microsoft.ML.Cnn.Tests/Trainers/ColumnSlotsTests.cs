// The per-batch slots that keep a scoring cursor's input values while it serves a batch read ahead: scalars, text,
// vectors (copied, so a source reusing its buffer cannot change them) and images.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class ColumnSlotsTests
{
    /// <summary>Stores every row of a one-column view in its own slot, then reads the slots back.</summary>
    private static T[] StoreAndReadBack<T>(DataViewType type, T[] values)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("C", type);
        var view = new SingleColumnView<T>(builder.ToSchema(), values);
        using var cursor = view.GetRowCursor(view.Schema);
        var slots = ColumnSlots.Create(cursor, view.Schema["C"], values.Length);
        for (int row = 0; cursor.MoveNext(); row++) slots.Store(row);
        int slot = 0;
        var getter = (ValueGetter<T>)slots.CreateGetter(() => slot);
        var read = new T[values.Length];
        for (slot = 0; slot < values.Length; slot++) getter(ref read[slot]);
        return read;
    }

    [TestMethod]
    public void Store_ScalarsAndText_ReadBackPerSlot()
    {
        CollectionAssert.AreEqual(new[] { 3u, 1u, 2u }, StoreAndReadBack(new KeyDataViewType(3), new[] { 3u, 1u, 2u }));
        CollectionAssert.AreEqual(new[] { "a", "bc" }, StoreAndReadBack(TextDataViewType.Instance, new[] { "a".AsMemory(), "bc".AsMemory() }).Select(m => m.ToString()).ToArray());
    }

    [TestMethod]
    public void Store_VectorsFromASharedBuffer_KeepEachRowsValues()
    {
        var shared = new float[2];
        var rows = new[] { new[] { 1f, 2f }, new[] { 3f, 4f } };
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("C", new VectorDataViewType(NumberDataViewType.Single, 2));
        var view = new SingleColumnView<int>(builder.ToSchema(), [0, 1]);
        // A source that hands out the same array for every row, as some getters do.
        using var cursor = new SharedBufferCursor(view.GetRowCursor(view.Schema), rows, shared);
        var slots = ColumnSlots.Create(cursor, view.Schema["C"], 2);
        for (int row = 0; cursor.MoveNext(); row++) slots.Store(row);
        int slot = 0;
        var getter = (ValueGetter<VBuffer<float>>)slots.CreateGetter(() => slot);
        VBuffer<float> value = default;

        getter(ref value);
        CollectionAssert.AreEqual(rows[0], value.ToArray());
        slot = 1;
        getter(ref value);
        CollectionAssert.AreEqual(rows[1], value.ToArray());
    }

    [TestMethod]
    public void Store_Images_KeepsEachRowsImage()
    {
        var images = new[] { ImageRows.Gray(1, 1, 10), ImageRows.Gray(1, 1, 20) };

        var read = StoreAndReadBack(new ImageDataViewType(), images);

        Assert.AreSame(images[0], read[0]);
        Assert.AreSame(images[1], read[1]);
    }

    private sealed class SharedBufferCursor(DataViewRowCursor inner, float[][] rows, float[] shared) : DataViewRowCursor
    {
        public override DataViewSchema Schema => inner.Schema;
        public override long Position => inner.Position;
        public override bool IsColumnActive(DataViewSchema.Column column) => true;
        public override bool MoveNext() => inner.MoveNext();

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column) =>
            (ValueGetter<TValue>)(object)(ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
            {
                rows[Position].CopyTo(shared, 0);
                value = new VBuffer<float>(shared);
            });
    }
}
