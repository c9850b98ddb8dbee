// The running sums of a multiclass evaluation, fed one row at a time; turns them into ML.NET's metrics.
using Microsoft.ML.Cnn.Losses;
using EngineConfusionMatrix = Microsoft.ML.Cnn.Training.ConfusionMatrix;

namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>Accumulates rows (true class, class scores) and computes ML.NET's multiclass metrics from them.</summary>
internal sealed class MulticlassAggregator
{
    /// <summary>ML.NET's clamp on the true class's probability, so a zero probability costs -ln(1e-15), not infinity.</summary>
    internal const float Epsilon = 1e-15f;

    private readonly int _classCount;
    private readonly int _topK;
    private readonly EngineConfusionMatrix _confusion;
    private readonly long[] _rowsOfClass;
    private readonly double[] _logLossOfClass;
    private readonly long[] _rowsAtRank;
    private double _logLoss;

    /// <param name="classNames">One name per class (the score vector's slots).</param>
    /// <param name="topK">The K of top-K accuracy; 0 for none.</param>
    public MulticlassAggregator(IReadOnlyList<string> classNames, int topK)
    {
        _classCount = classNames.Count;
        _topK = topK;
        _confusion = new EngineConfusionMatrix(_classCount, classNames);
        _rowsOfClass = new long[_classCount];
        _logLossOfClass = new double[_classCount];
        _rowsAtRank = new long[_classCount];
    }

    /// <summary>Rows counted so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Rows whose label is not a class of the score vector (counted with the maximal log-loss).</summary>
    public long UnknownClassCount { get; private set; }

    /// <summary>
    /// Counts one row: <paramref name="trueClass"/> in [0, K), or K or more for a class the scores do not cover;
    /// <paramref name="scores"/> are K finite class probabilities.
    /// </summary>
    public void Add(int trueClass, ReadOnlySpan<float> scores)
    {
        RowCount++;
        if (trueClass >= _classCount)
        {
            UnknownClassCount++;
            _logLoss += -Math.Log(Epsilon);
            return;
        }
        float probability = Math.Min(1f, Math.Max(Epsilon, scores[trueClass]));
        double loss = -Math.Log(probability);
        _logLoss += loss;
        _rowsOfClass[trueClass]++;
        _logLossOfClass[trueClass] += loss;
        _rowsAtRank[RankOf(trueClass, scores)]++;
        _confusion.Add(trueClass, Classification.ArgMax(scores));
    }

    /// <summary>The metrics of the rows counted (at least one).</summary>
    public MulticlassClassificationMetrics ToMetrics()
    {
        if (RowCount == 0) throw new InvalidOperationException("No rows were counted; metrics need at least one labelled row.");
        double rows = RowCount;
        double logLoss = _logLoss / rows;
        double macroSum = 0, entropy = 0;
        int presentClasses = 0;
        var perClassLogLoss = new double[_classCount];
        for (int c = 0; c < _classCount; c++)
        {
            if (_rowsOfClass[c] == 0) continue;
            presentClasses++;
            macroSum += (double)_confusion[c, c] / _rowsOfClass[c];
            perClassLogLoss[c] = _logLossOfClass[c] / _rowsOfClass[c];
            entropy -= _rowsOfClass[c] / rows * Math.Log(_rowsOfClass[c] / rows);
        }
        double macroAccuracy = presentClasses == 0 ? 0 : macroSum / presentClasses;
        return new MulticlassClassificationMetrics(
            microAccuracy: _rowsAtRank[0] / rows,
            macroAccuracy,
            logLoss,
            logLossReduction: (entropy - logLoss) / entropy,
            _topK,
            _topK == 0 ? null : TopKAccuracies(rows),
            Array.AsReadOnly(perClassLogLoss),
            new ConfusionMatrix(_confusion));
    }

    /// <summary>The fraction of rows whose true class ranks below k, for k = 1..K (classes beyond K: every known class).</summary>
    private IReadOnlyList<double> TopKAccuracies(double rows)
    {
        var accuracies = new double[_topK];
        long within = 0;
        for (int k = 0; k < _topK; k++)
        {
            if (k < _classCount) within += _rowsAtRank[k];
            accuracies[k] = within / rows;
        }
        return Array.AsReadOnly(accuracies);
    }

    /// <summary>
    /// How many classes come before <paramref name="trueClass"/> when sorted by descending score, equal scores in
    /// class order (ML.NET's stable ordering): 0 means the true class is the prediction.
    /// </summary>
    internal static int RankOf(int trueClass, ReadOnlySpan<float> scores)
    {
        float own = scores[trueClass];
        int rank = 0;
        for (int c = 0; c < scores.Length; c++)
            if (scores[c] > own || (scores[c] == own && c < trueClass)) rank++;
        return rank;
    }
}
