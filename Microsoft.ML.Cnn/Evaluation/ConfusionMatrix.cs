// ML.NET's ConfusionMatrix (Microsoft.ML.Data): counts of actual against predicted classes with per-class precision
// and recall. It reads the engine's counting matrix (Training.ConfusionMatrix), so the two share one implementation.
using EngineConfusionMatrix = Microsoft.ML.Cnn.Training.ConfusionMatrix;

namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>
/// The <a href="https://en.wikipedia.org/wiki/Confusion_matrix">confusion matrix</a> of a classifier over a labelled
/// set: <see cref="Counts"/>[actual][predicted], with the precision and recall of every class.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly EngineConfusionMatrix _counts;

    internal ConfusionMatrix(EngineConfusionMatrix counts)
    {
        _counts = counts;
        NumberOfClasses = counts.ClassCount;
        var precision = new double[NumberOfClasses];
        var recall = new double[NumberOfClasses];
        var rows = new IReadOnlyList<double>[NumberOfClasses];
        var names = new ReadOnlyMemory<char>[NumberOfClasses];
        for (int c = 0; c < NumberOfClasses; c++)
        {
            // ML.NET reports 0, not NaN, for a class never predicted (precision) or never present (recall).
            precision[c] = ZeroIfUndefined(counts.Precision(c));
            recall[c] = ZeroIfUndefined(counts.Recall(c));
            var row = new double[NumberOfClasses];
            for (int p = 0; p < NumberOfClasses; p++) row[p] = counts[c, p];
            rows[c] = Array.AsReadOnly(row);
            names[c] = counts.ClassNames[c].AsMemory();
        }
        PerClassPrecision = Array.AsReadOnly(precision);
        PerClassRecall = Array.AsReadOnly(recall);
        Counts = Array.AsReadOnly(rows);
        PredictedClassesIndicators = Array.AsReadOnly(names);
    }

    /// <summary>
    /// The <a href="https://en.wikipedia.org/wiki/Precision_and_recall#Precision">precision</a> of each class: of
    /// the rows predicted as the class, the fraction that belong to it (0 when the class was never predicted).
    /// </summary>
    public IReadOnlyList<double> PerClassPrecision { get; }

    /// <summary>
    /// The <a href="https://en.wikipedia.org/wiki/Precision_and_recall#Recall">recall</a> of each class: of the rows
    /// of the class, the fraction predicted as it (0 when the class does not occur).
    /// </summary>
    public IReadOnlyList<double> PerClassRecall { get; }

    /// <summary>The counts: one row per actual class, one column per predicted class.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Counts { get; }

    /// <summary>The number of classes (rows and columns of <see cref="Counts"/>).</summary>
    public int NumberOfClasses { get; }

    /// <summary>The class names, in class order: slot names of the score column, or "0", "1", ... without them.</summary>
    public IReadOnlyList<ReadOnlyMemory<char>> PredictedClassesIndicators { get; }

    /// <summary>The number of rows of class <paramref name="actualClassIndicatorIndex"/> predicted as <paramref name="predictedClassIndicatorIndex"/>.</summary>
    public double GetCountForClassPair(int predictedClassIndicatorIndex, int actualClassIndicatorIndex)
    {
        CheckClassIndex(predictedClassIndicatorIndex, nameof(predictedClassIndicatorIndex));
        CheckClassIndex(actualClassIndicatorIndex, nameof(actualClassIndicatorIndex));
        return Counts[actualClassIndicatorIndex][predictedClassIndicatorIndex];
    }

    /// <summary>
    /// The matrix as an aligned text table: a row per actual class (with its recall), a column per predicted class,
    /// a precision row and the overall accuracy; classes are shown by name. Undefined precision or recall shows as "-".
    /// </summary>
    public string GetFormattedConfusionTable() => _counts.ToString();

    /// <inheritdoc/>
    public override string ToString() => GetFormattedConfusionTable();

    private void CheckClassIndex(int index, string parameterName)
    {
        if ((uint)index >= (uint)NumberOfClasses)
            throw new ArgumentOutOfRangeException(parameterName, index, $"A class index must be in [0, {NumberOfClasses}); this matrix has {NumberOfClasses} classes.");
    }

    private static double ZeroIfUndefined(double value) => double.IsNaN(value) ? 0 : value;
}
