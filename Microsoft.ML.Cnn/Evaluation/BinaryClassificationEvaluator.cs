// mlContext.BinaryClassification.Evaluate: one streaming pass over the label, score and probability columns.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>Evaluates scored binary data as ML.NET's BinaryClassifierEvaluator does with its default arguments.</summary>
internal sealed class BinaryClassificationEvaluator(MLContext context)
{
    private const string Name = "BinaryClassifierEvaluator";

    /// <summary>
    /// Reads the label (Boolean, Single/Double &gt; 0, or key 2 of a 2-value key), the Single score (predicted positive
    /// when &gt; 0) and the Single probability with one cursor; rows with a missing label or a non-finite score are
    /// skipped with a warning in the log. The Boolean <paramref name="predictedLabelColumnName"/> must exist, as in
    /// ML.NET, but is not read.
    /// </summary>
    public CalibratedBinaryClassificationMetrics Evaluate(IDataView data, string labelColumnName, string scoreColumnName,
        string probabilityColumnName, string predictedLabelColumnName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        ArgumentException.ThrowIfNullOrEmpty(scoreColumnName);
        ArgumentException.ThrowIfNullOrEmpty(probabilityColumnName);
        ArgumentException.ThrowIfNullOrEmpty(predictedLabelColumnName);
        var label = EvaluationColumns.FindBinaryLabel(data.Schema, labelColumnName);
        var score = EvaluationColumns.FindSingle(data.Schema, scoreColumnName, "the raw score; positive when > 0");
        var probability = EvaluationColumns.FindSingle(data.Schema, probabilityColumnName, "the probability of the positive class");
        EvaluationColumns.FindBoolean(data.Schema, predictedLabelColumnName, "the predicted label");
        var (positiveName, negativeName) = ClassNames(label);
        var aggregator = new BinaryAggregator(positiveName, negativeName);
        var skipped = new SkippedRows(Name, labelColumnName, scoreColumnName);

        using (var cursor = data.GetRowCursor([label, score, probability]))
        {
            var labelGetter = LabelGetters.AsSingle(cursor, label);
            var scoreGetter = cursor.GetGetter<float>(score);
            var probabilityGetter = cursor.GetGetter<float>(probability);
            float labelValue = 0, scoreValue = 0, probabilityValue = 0;
            while (cursor.MoveNext())
            {
                skipped.Read++;
                labelGetter(ref labelValue);
                scoreGetter(ref scoreValue);
                if (!float.IsFinite(scoreValue)) { skipped.BadScore++; continue; }
                if (float.IsNaN(labelValue)) { skipped.MissingLabel++; continue; }
                probabilityGetter(ref probabilityValue);
                aggregator.Add(labelValue > 0, scoreValue, probabilityValue);
            }
        }

        skipped.Report(context);
        if (aggregator.RowCount == 0) throw skipped.NothingToEvaluate();
        return aggregator.ToMetrics();
    }

    /// <summary>
    /// The names of the positive and negative class: a 2-value key label's text KeyValues (key 2 is positive), else
    /// "positive" and "negative" (as ML.NET).
    /// </summary>
    private static (string Positive, string Negative) ClassNames(DataViewSchema.Column label)
    {
        var keyValues = label.Annotations.Schema.GetColumnOrNull(AnnotationKinds.KeyValues);
        if (label.Type is KeyDataViewType && keyValues?.Type is VectorDataViewType { ItemType: TextDataViewType, Size: 2 })
        {
            VBuffer<ReadOnlyMemory<char>> values = default;
            label.Annotations.GetValue(AnnotationKinds.KeyValues, ref values);
            if (values.Length == 2) return (values.GetItemOrDefault(1).ToString(), values.GetItemOrDefault(0).ToString());
        }
        return ("positive", "negative");
    }
}
