// Classification results counted by (actual, predicted) class, with the metrics derived from the counts.
using System.Globalization;
using System.Text;

namespace Microsoft.ML.Cnn.Training;

/// <summary>Counts[actual, predicted] over a labelled set, with accuracy and per-class precision and recall.</summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;

    /// <param name="classCount">Number of classes, &gt;= 2.</param>
    /// <param name="classNames">One name per class, or null for "0", "1", ...</param>
    public ConfusionMatrix(int classCount, IReadOnlyList<string>? classNames = null)
    {
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "A confusion matrix needs at least 2 classes.");
        if (classNames is not null && classNames.Count != classCount)
            throw new ArgumentException($"{classNames.Count} class names were given for {classCount} classes.", nameof(classNames));
        ClassCount = classCount;
        ClassNames = classNames?.ToArray() ?? Enumerable.Range(0, classCount).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        _counts = new long[classCount, classCount];
    }

    public int ClassCount { get; }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Samples counted.</summary>
    public long Total { get; private set; }

    /// <summary>Samples of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => _counts[actual, predicted];

    /// <summary>Counts one sample.</summary>
    public void Add(int actual, int predicted)
    {
        if ((uint)actual >= (uint)ClassCount) throw new ArgumentOutOfRangeException(nameof(actual), actual, $"The label must be a class index in [0, {ClassCount}).");
        if ((uint)predicted >= (uint)ClassCount) throw new ArgumentOutOfRangeException(nameof(predicted), predicted, $"The prediction must be a class index in [0, {ClassCount}).");
        _counts[actual, predicted]++;
        Total++;
    }

    /// <summary>Fraction of samples on the diagonal (NaN when empty).</summary>
    public double Accuracy
    {
        get
        {
            long correct = 0;
            for (int c = 0; c < ClassCount; c++) correct += _counts[c, c];
            return Total == 0 ? double.NaN : (double)correct / Total;
        }
    }

    /// <summary>Of the samples predicted as <paramref name="c"/>, the fraction that are <paramref name="c"/> (NaN when none were).</summary>
    public double Precision(int c)
    {
        long predicted = 0;
        for (int a = 0; a < ClassCount; a++) predicted += _counts[a, c];
        return predicted == 0 ? double.NaN : (double)_counts[c, c] / predicted;
    }

    /// <summary>Of the samples of class <paramref name="c"/>, the fraction predicted as <paramref name="c"/> (NaN when there were none).</summary>
    public double Recall(int c)
    {
        long actual = 0;
        for (int p = 0; p < ClassCount; p++) actual += _counts[c, p];
        return actual == 0 ? double.NaN : (double)_counts[c, c] / actual;
    }

    private const int MaxHeaderName = 10;

    /// <summary>
    /// A table: one row per actual class, one column per predicted class, then recall; a precision row below. When a
    /// class name is longer than 10 characters, columns are headed by class index and rows read "index. name".
    /// </summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        const string corner = "actual \\ predicted";
        // Columns fit "100.0%", every count and (up to MaxHeaderName characters) the class names, two spaces apart;
        // longer names would make the table too wide, so the columns are then headed by class index.
        bool headByIndex = ClassNames.Any(n => n.Length > MaxHeaderName);
        int cellWidth = Math.Max(Math.Max(8, Total.ToString(c).Length + 2), headByIndex ? 0 : ClassNames.Max(n => n.Length) + 2);
        string RowName(int a) => headByIndex ? $"{a.ToString(c).PadLeft((ClassCount - 1).ToString(c).Length)}. {ClassNames[a]}" : ClassNames[a];
        int nameWidth = Math.Max(Enumerable.Range(0, ClassCount).Max(a => RowName(a).Length), corner.Length);
        var sb = new StringBuilder();
        sb.Append(corner.PadRight(nameWidth));
        for (int p = 0; p < ClassCount; p++) sb.Append((headByIndex ? p.ToString(c) : ClassNames[p]).PadLeft(cellWidth));
        sb.AppendLine("  recall");
        for (int a = 0; a < ClassCount; a++)
        {
            sb.Append(RowName(a).PadRight(nameWidth));
            for (int p = 0; p < ClassCount; p++) sb.Append(_counts[a, p].ToString(c).PadLeft(cellWidth));
            sb.Append(FormatPercent(Recall(a)).PadLeft(8)).AppendLine();
        }
        sb.Append("precision".PadRight(nameWidth));
        for (int p = 0; p < ClassCount; p++) sb.Append(FormatPercent(Precision(p)).PadLeft(cellWidth));
        sb.AppendLine();
        sb.Append("accuracy ").Append(FormatPercent(Accuracy)).Append(" of ").Append(Total.ToString(c)).Append(" samples");
        return sb.ToString();
    }

    private static string FormatPercent(double value) => double.IsNaN(value) ? "-" : (value * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
