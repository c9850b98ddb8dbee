// The running counts of a binary evaluation, fed one row at a time; turns them into ML.NET's calibrated metrics.
using System.Runtime.InteropServices;
using EngineConfusionMatrix = Microsoft.ML.Cnn.Training.ConfusionMatrix;

namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>
/// Accumulates rows (truth, score, probability): the confusion counts and log-loss stream; the scores and labels are
/// kept because the curve areas need them sorted.
/// </summary>
internal sealed class BinaryAggregator
{
    /// <summary>Class 0 of the confusion matrix is the positive class, as in ML.NET.</summary>
    private const int Positive = 0, Negative = 1;

    private readonly EngineConfusionMatrix _confusion;
    private readonly List<float> _scores = [];
    private readonly List<bool> _labels = [];
    private double _logLoss;
    private long _positives;

    public BinaryAggregator(string positiveClassName, string negativeClassName) =>
        _confusion = new EngineConfusionMatrix(2, [positiveClassName, negativeClassName]);

    /// <summary>Rows counted so far.</summary>
    public long RowCount => _scores.Count;

    /// <summary>
    /// Counts one row: predicted positive when <paramref name="score"/> &gt; 0 (ML.NET's raw-score threshold); the
    /// log-loss, in bits, is of <paramref name="probability"/> for a positive row and of its complement otherwise.
    /// </summary>
    public void Add(bool isPositive, float score, float probability)
    {
        _confusion.Add(isPositive ? Positive : Negative, score > 0 ? Positive : Negative);
        _scores.Add(score);
        _labels.Add(isPositive);
        if (isPositive) _positives++;
        _logLoss -= Math.Log2(isPositive ? probability : 1.0 - probability);
    }

    /// <summary>The metrics of the rows counted (at least one).</summary>
    public CalibratedBinaryClassificationMetrics ToMetrics()
    {
        if (RowCount == 0) throw new InvalidOperationException("No rows were counted; metrics need at least one labelled row.");
        var matrix = new ConfusionMatrix(_confusion);
        double precision = matrix.PerClassPrecision[Positive], recall = matrix.PerClassRecall[Positive];
        var scores = CollectionsMarshal.AsSpan(_scores);
        var labels = CollectionsMarshal.AsSpan(_labels);
        var counts = new BinaryClassificationMetrics(
            areaUnderRocCurve: CurveAreas.AreaUnderRocCurve(scores, labels),
            accuracy: _confusion.Accuracy,
            positivePrecision: precision,
            positiveRecall: recall,
            negativePrecision: matrix.PerClassPrecision[Negative],
            negativeRecall: matrix.PerClassRecall[Negative],
            f1Score: 2 * precision * recall / (precision + recall),
            areaUnderPrecisionRecallCurve: CurveAreas.AreaUnderPrecisionRecallCurve(scores, labels),
            matrix);
        double logLoss = _logLoss / RowCount;
        double entropy = BinaryEntropy((double)_positives / RowCount);
        return new CalibratedBinaryClassificationMetrics(counts, logLoss, (entropy - logLoss) / entropy, entropy);
    }

    /// <summary>The entropy in bits of a coin with heads probability <paramref name="p"/> (0 for a certain coin).</summary>
    internal static double BinaryEntropy(double p) =>
        p <= 0 || p >= 1 ? 0 : -p * Math.Log2(p) - (1 - p) * Math.Log2(1 - p);
}
