// Reading a row's label as the float the loss takes (class index, 0/1 target or regression target), with NaN for a
// missing label so the row is skipped, for each label type the Cnn trainers accept.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>Creates, once per cursor, a function returning the current row's label as a float, or NaN when it is missing.</summary>
internal delegate Func<float> LabelReaderFactory(DataViewRow row);

/// <summary>The label conversions, as ML.NET's label getters convert them.</summary>
internal static class LabelReaders
{
    /// <summary>Key k in 1..Count becomes class index k - 1; key 0 (missing) becomes NaN.</summary>
    public static LabelReaderFactory Key(DataViewSchema.Column column)
    {
        if (column.Type.RawType == typeof(byte))
        {
            return row =>
            {
                var getter = row.GetGetter<byte>(column);
                byte key = 0;
                return () => { getter(ref key); return key == 0 ? float.NaN : key - 1; };
            };
        }
        return row =>
        {
            var getter = row.GetGetter<uint>(column);
            uint key = 0;
            return () => { getter(ref key); return key == 0 ? float.NaN : key - 1; };
        };
    }

    /// <summary>True is 1, false 0.</summary>
    public static LabelReaderFactory Boolean(DataViewSchema.Column column) => row =>
    {
        var getter = row.GetGetter<bool>(column);
        bool value = false;
        return () => { getter(ref value); return value ? 1f : 0f; };
    };

    /// <summary>A Single label as a binary target: above 0 is positive (1), otherwise 0; NaN stays missing.</summary>
    public static LabelReaderFactory PositiveSingle(DataViewSchema.Column column) => row =>
    {
        var getter = row.GetGetter<float>(column);
        float value = 0f;
        return () => { getter(ref value); return float.IsNaN(value) ? float.NaN : value > 0f ? 1f : 0f; };
    };

    /// <summary>A Single label as it is (NaN is missing; infinities too, as a loss cannot use them).</summary>
    public static LabelReaderFactory Single(DataViewSchema.Column column) => row =>
    {
        var getter = row.GetGetter<float>(column);
        float value = 0f;
        return () => { getter(ref value); return float.IsFinite(value) ? value : float.NaN; };
    };
}
