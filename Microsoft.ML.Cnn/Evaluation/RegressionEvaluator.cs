// mlContext.Regression.Evaluate: one streaming pass over the label and score columns.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>Evaluates scored regression data as ML.NET's RegressionEvaluator does (squared loss as the loss function).</summary>
internal sealed class RegressionEvaluator(MLContext context)
{
    private const string Name = "RegressionEvaluator";

    /// <summary>
    /// Reads the Single label and Single score with one cursor; rows with a NaN label or a non-finite score are
    /// skipped with a warning in the log.
    /// </summary>
    public RegressionMetrics Evaluate(IDataView data, string labelColumnName, string scoreColumnName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        ArgumentException.ThrowIfNullOrEmpty(scoreColumnName);
        var label = EvaluationColumns.FindSingle(data.Schema, labelColumnName, "the label");
        var score = EvaluationColumns.FindSingle(data.Schema, scoreColumnName, "the predicted value");
        var skipped = new SkippedRows(Name, labelColumnName, scoreColumnName);
        long rows = 0;
        double absoluteErrors = 0, squaredErrors = 0, labelMean = 0, labelSquaredDeviations = 0;

        using (var cursor = data.GetRowCursor([label, score]))
        {
            var labelGetter = cursor.GetGetter<float>(label);
            var scoreGetter = cursor.GetGetter<float>(score);
            float labelValue = 0, scoreValue = 0;
            while (cursor.MoveNext())
            {
                skipped.Read++;
                labelGetter(ref labelValue);
                scoreGetter(ref scoreValue);
                if (float.IsNaN(labelValue)) { skipped.MissingLabel++; continue; }
                if (!float.IsFinite(scoreValue)) { skipped.BadScore++; continue; }
                rows++;
                double error = (double)labelValue - scoreValue;
                absoluteErrors += Math.Abs(error);
                squaredErrors += error * error;
                // Welford's update: the label variance without the cancellation of sum-of-squares minus squared sum.
                double deviation = labelValue - labelMean;
                labelMean += deviation / rows;
                labelSquaredDeviations += deviation * (labelValue - labelMean);
            }
        }

        skipped.Report(context);
        if (rows == 0) throw skipped.NothingToEvaluate();
        double meanSquaredError = squaredErrors / rows;
        return new RegressionMetrics(absoluteErrors / rows, meanSquaredError, meanSquaredError,
            1 - meanSquaredError / (labelSquaredDeviations / rows));
    }
}
