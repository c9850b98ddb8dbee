// Reads a Single column's current row as a span of slots, whether the column is a scalar or a known-size vector, and
// fails naming the row when a vector row does not have the size its type declares.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Transforms.Normalizers;

/// <summary>Builds a reader of the current row's slots.</summary>
internal static class SlotReader
{
    /// <summary>Reads the slots of <paramref name="column"/> (named <paramref name="name"/> in errors) in <paramref name="row"/>'s current row.</summary>
    public static Func<float[]> Create(DataViewRow row, DataViewSchema.Column column, string name)
    {
        if (column.Type is not VectorDataViewType vector)
        {
            var getScalar = row.GetGetter<float>(column);
            var one = new float[1];
            return () => { getScalar(ref one[0]); return one; };
        }
        var getVector = row.GetGetter<VBuffer<float>>(column);
        var values = new float[vector.Size];
        VBuffer<float> buffer = default;
        return () =>
        {
            getVector(ref buffer);
            if (buffer.Length != values.Length)
                throw new InvalidDataException($"Row {row.Position} of column '{name}' has {buffer.Length} values, but its type {vector} declares {values.Length}.");
            buffer.GetValues().CopyTo(values);
            return values;
        };
    }
}
