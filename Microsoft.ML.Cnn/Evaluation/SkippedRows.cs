// The rows an evaluator reads but cannot use (missing label, bad label, non-finite score), counted per reason so they
// can be reported as warnings, as ML.NET does, and named in the error when nothing is left to evaluate.
namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>Counts of the rows an evaluation skipped, by reason.</summary>
internal sealed class SkippedRows(string evaluatorName, string labelColumnName, string scoreColumnName)
{
    /// <summary>Rows read by the cursor.</summary>
    public long Read { get; set; }

    /// <summary>Rows whose label is missing (NaN, or key 0).</summary>
    public long MissingLabel { get; set; }

    /// <summary>Rows whose label is not a class index (negative or fractional).</summary>
    public long BadLabel { get; set; }

    /// <summary>Rows with a NaN or infinite score.</summary>
    public long BadScore { get; set; }

    /// <summary>Writes one warning per reason that skipped rows to <paramref name="context"/>'s log.</summary>
    public void Report(MLContext context)
    {
        if (MissingLabel > 0)
            context.WriteLog(evaluatorName, ChannelMessageKind.Warning,
                $"{MissingLabel} of {Read} rows have a missing label in column '{labelColumnName}' and were skipped.");
        if (BadLabel > 0)
            context.WriteLog(evaluatorName, ChannelMessageKind.Warning,
                $"{BadLabel} of {Read} rows have a negative or non-integer label in column '{labelColumnName}' and were skipped.");
        if (BadScore > 0)
            context.WriteLog(evaluatorName, ChannelMessageKind.Warning,
                $"{BadScore} of {Read} rows have a NaN or infinite value in column '{scoreColumnName}' and were skipped.");
    }

    /// <summary>The error for an evaluation left with no usable row, saying why each row was skipped.</summary>
    public InvalidOperationException NothingToEvaluate() => Read == 0
        ? new($"Cannot evaluate: the data view has no rows. Evaluate a scored data view with at least one labelled row.")
        : new($"Cannot evaluate: none of the {Read} rows is usable ({MissingLabel} with a missing label in '{labelColumnName}', " +
            $"{BadLabel} with a negative or non-integer label, {BadScore} with a NaN or infinite '{scoreColumnName}').");
}
