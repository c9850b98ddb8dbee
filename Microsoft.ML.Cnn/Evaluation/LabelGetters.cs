// Reading label columns of any accepted type as Single, as ML.NET's evaluators do (NaN = missing label).
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>Getters reading a label column as a float: the class index (multiclass) or the 0/1 truth (binary).</summary>
internal static class LabelGetters
{
    /// <summary>
    /// A checked label type as a float: Single as is, Double narrowed, Boolean as 1 or 0, key <c>k</c> as
    /// <c>k - 1</c> (the class index) with key 0 (missing) as NaN.
    /// </summary>
    public static ValueGetter<float> AsSingle(DataViewRow row, DataViewSchema.Column label)
    {
        var type = label.Type;
        if (type == NumberDataViewType.Single) return row.GetGetter<float>(label);
        if (type == NumberDataViewType.Double)
        {
            var getter = row.GetGetter<double>(label);
            return (ref float value) =>
            {
                double raw = 0;
                getter(ref raw);
                value = (float)raw;
            };
        }
        if (type == BooleanDataViewType.Instance)
        {
            var getter = row.GetGetter<bool>(label);
            return (ref float value) =>
            {
                bool raw = false;
                getter(ref raw);
                value = raw ? 1 : 0;
            };
        }
        if (type is KeyDataViewType && type.RawType == typeof(uint))
        {
            var getter = row.GetGetter<uint>(label);
            return (ref float value) =>
            {
                uint key = 0;
                getter(ref key);
                value = key == 0 ? float.NaN : key - 1;
            };
        }
        if (type is KeyDataViewType && type.RawType == typeof(byte))
        {
            var getter = row.GetGetter<byte>(label);
            return (ref float value) =>
            {
                byte key = 0;
                getter(ref key);
                value = key == 0 ? float.NaN : key - 1;
            };
        }
        throw new InvalidOperationException($"Label column '{label.Name}' has type {type}, which cannot be read as a label; this should have been rejected by the schema check.");
    }
}
