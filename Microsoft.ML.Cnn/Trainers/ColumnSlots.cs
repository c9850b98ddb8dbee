// A batch of one input column's values, held while a scoring cursor serves the rows of the batch it read ahead:
// each row's value is stored in a slot (reusing the slot's buffers) and read back by slot index. Slots grow on
// demand, so a cursor that only ever sees one row (a prediction engine's) holds one.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>Slots for the values of one column of a source cursor; <see cref="Store"/> copies the current row's value into a slot.</summary>
internal abstract class ColumnSlots
{
    /// <summary>Slots for <paramref name="column"/> of <paramref name="source"/>, <paramref name="capacity"/> rows to start with.</summary>
    public static ColumnSlots Create(DataViewRow source, DataViewSchema.Column column, int capacity) =>
        column.Type.RawType == typeof(MLImage)
            ? new ScalarSlots<MLImage>(source.GetGetter<MLImage>(column), capacity)
            : ItemTypes.Visit(column.Type, new Factory(source, column, capacity));

    /// <summary>Copies the source's current value into <paramref name="slot"/>, growing the slots when it is beyond them.</summary>
    public abstract void Store(int slot);

    /// <summary>A <c>ValueGetter</c> of the column's raw type reading the slot <paramref name="slot"/> returns.</summary>
    public abstract Delegate CreateGetter(Func<int> slot);

    private sealed class Factory(DataViewRow source, DataViewSchema.Column column, int capacity) : IRawTypeVisitor<ColumnSlots>
    {
        public ColumnSlots VisitScalar<T>() => new ScalarSlots<T>(source.GetGetter<T>(column), capacity);

        public ColumnSlots VisitVector<TItem>() => new VectorSlots<TItem>(source.GetGetter<VBuffer<TItem>>(column), capacity);
    }

    private sealed class ScalarSlots<T>(ValueGetter<T> getter, int capacity) : ColumnSlots
    {
        private T[] _values = new T[capacity];

        public override void Store(int slot)
        {
            if (slot >= _values.Length) Array.Resize(ref _values, Math.Max(slot + 1, 2 * _values.Length));
            getter(ref _values[slot]);
        }

        public override Delegate CreateGetter(Func<int> slot) => (ValueGetter<T>)((ref T value) => value = _values[slot()]);
    }

    private sealed class VectorSlots<TItem>(ValueGetter<VBuffer<TItem>> getter, int capacity) : ColumnSlots
    {
        private VBuffer<TItem>[] _values = new VBuffer<TItem>[capacity];
        private VBuffer<TItem> _read;

        // Read into a scratch buffer and copy: a source getter may hand out a buffer it reuses for its next row.
        public override void Store(int slot)
        {
            if (slot >= _values.Length) Array.Resize(ref _values, Math.Max(slot + 1, 2 * _values.Length));
            getter(ref _read);
            _read.CopyTo(ref _values[slot]);
        }

        public override Delegate CreateGetter(Func<int> slot) =>
            (ValueGetter<VBuffer<TItem>>)((ref VBuffer<TItem> value) => _values[slot()].CopyTo(ref value));
    }
}
