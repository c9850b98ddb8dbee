// mlContext.MulticlassClassification.Evaluate: one streaming pass over the label and score columns.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>Evaluates scored multiclass data as ML.NET's MulticlassClassificationEvaluator does.</summary>
internal sealed class MulticlassClassificationEvaluator(MLContext context)
{
    private const string Name = "MulticlassClassificationEvaluator";

    /// <summary>
    /// Reads <paramref name="labelColumnName"/> (Single class index or key) and <paramref name="scoreColumnName"/>
    /// (one probability per class) with one cursor; rows with a missing, negative or fractional label or a non-finite
    /// score are skipped with a warning in the log. <paramref name="predictedLabelColumnName"/> must exist, as in
    /// ML.NET, but is not read: the prediction is the highest score (the first on ties).
    /// </summary>
    public MulticlassClassificationMetrics Evaluate(IDataView data, string labelColumnName, string scoreColumnName,
        string predictedLabelColumnName, int topKPredictionCount)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        ArgumentException.ThrowIfNullOrEmpty(scoreColumnName);
        ArgumentException.ThrowIfNullOrEmpty(predictedLabelColumnName);
        if (topKPredictionCount < 0)
            throw new ArgumentOutOfRangeException(nameof(topKPredictionCount), topKPredictionCount, "topKPredictionCount must be 0 (no top-K accuracy) or positive.");
        var label = EvaluationColumns.FindMulticlassLabel(data.Schema, labelColumnName);
        var score = EvaluationColumns.FindClassScores(data.Schema, scoreColumnName);
        EvaluationColumns.Find(data.Schema, predictedLabelColumnName);
        int classCount = ((VectorDataViewType)score.Type).Size;
        var aggregator = new MulticlassAggregator(EvaluationColumns.ClassNames(score, classCount), topKPredictionCount);
        var skipped = new SkippedRows(Name, labelColumnName, scoreColumnName);

        using (var cursor = data.GetRowCursor([label, score]))
        {
            var labelGetter = LabelGetters.AsSingle(cursor, label);
            var scoreGetter = cursor.GetGetter<VBuffer<float>>(score);
            float labelValue = 0;
            VBuffer<float> scores = default;
            while (cursor.MoveNext())
            {
                skipped.Read++;
                labelGetter(ref labelValue);
                if (float.IsNaN(labelValue)) { skipped.MissingLabel++; continue; }
                if (!float.IsFinite(labelValue) || labelValue < 0 || labelValue != MathF.Floor(labelValue)) { skipped.BadLabel++; continue; }
                scoreGetter(ref scores);
                var values = scores.GetValues();
                if (values.Length != classCount)
                    throw new InvalidOperationException(
                        $"Row {cursor.Position} of column '{scoreColumnName}' has {values.Length} scores, but its type {score.Type} promises {classCount}.");
                if (!AllFinite(values)) { skipped.BadScore++; continue; }
                aggregator.Add(labelValue >= classCount ? classCount : (int)labelValue, values);
            }
        }

        skipped.Report(context);
        if (aggregator.RowCount == 0) throw skipped.NothingToEvaluate();
        if (aggregator.UnknownClassCount > 0)
            context.WriteLog(Name, ChannelMessageKind.Warning,
                $"{aggregator.UnknownClassCount} rows have a label beyond the {classCount} classes of '{scoreColumnName}'; " +
                $"LogLoss counts each of them as -ln({MulticlassAggregator.Epsilon}).");
        return aggregator.ToMetrics();
    }

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
            if (!float.IsFinite(v)) return false;
        return true;
    }
}
