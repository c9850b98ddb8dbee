// Finding and checking the columns an evaluator reads; every failure names the column, its type and what is expected.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>Column lookup and type checks shared by the evaluators, raising the pipeline's standard schema errors.</summary>
internal static class EvaluationColumns
{
    /// <summary>The visible column <paramref name="name"/> of <paramref name="schema"/>, or the missing-column error.</summary>
    public static DataViewSchema.Column Find(DataViewSchema schema, string name) =>
        schema.GetColumnOrNull(name) ?? throw SchemaErrors.MissingColumn(name, schema.AvailableNames());

    /// <summary>A scalar Single column (a regression label or a score or probability).</summary>
    public static DataViewSchema.Column FindSingle(DataViewSchema schema, string name, string role)
    {
        var column = Find(schema, name);
        if (column.Type != NumberDataViewType.Single) throw Mismatch(column, $"Single ({role})");
        return column;
    }

    /// <summary>A Boolean column (a binary predicted label).</summary>
    public static DataViewSchema.Column FindBoolean(DataViewSchema schema, string name, string role)
    {
        var column = Find(schema, name);
        if (column.Type != BooleanDataViewType.Instance) throw Mismatch(column, $"Boolean ({role})");
        return column;
    }

    /// <summary>A multiclass label: Single (class index, NaN = missing) or a key (1..K, 0 = missing).</summary>
    public static DataViewSchema.Column FindMulticlassLabel(DataViewSchema schema, string name)
    {
        var column = Find(schema, name);
        if (column.Type != NumberDataViewType.Single && column.Type is not KeyDataViewType)
            throw Mismatch(column, "Single or a key type (the label: class index, or key 1..K from MapValueToKey)");
        return column;
    }

    /// <summary>A binary label: Boolean, Single or Double (positive when &gt; 0), or a key with 2 values (key 2 positive).</summary>
    public static DataViewSchema.Column FindBinaryLabel(DataViewSchema schema, string name)
    {
        var column = Find(schema, name);
        bool supported = column.Type == BooleanDataViewType.Instance || column.Type == NumberDataViewType.Single
            || column.Type == NumberDataViewType.Double || column.Type is KeyDataViewType { Count: 2 };
        if (!supported)
            throw Mismatch(column, "Boolean, Single, Double or a key type with 2 values (the label)");
        return column;
    }

    /// <summary>A multiclass score: a known-size vector of at least 2 Single, one per class.</summary>
    public static DataViewSchema.Column FindClassScores(DataViewSchema schema, string name)
    {
        var column = Find(schema, name);
        if (column.Type is not VectorDataViewType { IsKnownSize: true, Size: >= 2 } vector || vector.ItemType != NumberDataViewType.Single)
            throw Mismatch(column, "a known-size vector of 2 or more Single (the score of each class)");
        return column;
    }

    /// <summary>
    /// The class names of a score vector of <paramref name="classCount"/> slots: its SlotNames annotation when it has
    /// one of that size, otherwise "0", "1", ... (as ML.NET).
    /// </summary>
    public static string[] ClassNames(DataViewSchema.Column score, int classCount)
    {
        var names = new string[classCount];
        var slotNames = score.Annotations.Schema.GetColumnOrNull(AnnotationKinds.SlotNames);
        if (slotNames?.Type is VectorDataViewType { ItemType: TextDataViewType } type && type.Size == classCount)
        {
            VBuffer<ReadOnlyMemory<char>> values = default;
            score.Annotations.GetValue(AnnotationKinds.SlotNames, ref values);
            var span = values.GetValues();
            if (span.Length == classCount)
            {
                for (int c = 0; c < classCount; c++) names[c] = span[c].ToString();
                return names;
            }
        }
        for (int c = 0; c < classCount; c++) names[c] = c.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return names;
    }

    private static ArgumentOutOfRangeException Mismatch(DataViewSchema.Column column, string expected) =>
        SchemaErrors.Mismatch(column.Name, expected, $"{column.Type}");
}
