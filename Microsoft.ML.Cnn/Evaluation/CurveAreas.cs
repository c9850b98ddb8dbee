// Areas under the ROC and precision-recall curves of binary scores: the only metrics that need every row's score,
// so the binary evaluator keeps (score, label) pairs for them and nothing else.
namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>AUC (ties counted as one half) and ML.NET's lower-trapezoid AUPRC over scored, labelled rows.</summary>
internal static class CurveAreas
{
    /// <summary>
    /// The fraction of (positive, negative) pairs in which the positive scores higher, a tie counting one half: the
    /// Mann-Whitney statistic with equal scores sharing their average rank. NaN when there are no positives or no
    /// negatives (as ML.NET).
    /// </summary>
    public static double AreaUnderRocCurve(ReadOnlySpan<float> scores, ReadOnlySpan<bool> positive)
    {
        CheckLengths(scores, positive);
        int[] order = DescendingOrder(scores);
        double pairsWon = 0;
        long positivesAbove = 0, negatives = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            long groupPositives = 0, groupNegatives = 0;
            for (; end < order.Length && scores[order[end]] == scores[order[start]]; end++)
                if (positive[order[end]]) groupPositives++; else groupNegatives++;
            // Each negative of the group loses to every positive above it and ties with the group's positives.
            pairsWon += groupNegatives * (positivesAbove + 0.5 * groupPositives);
            positivesAbove += groupPositives;
            negatives += groupNegatives;
            start = end;
        }
        if (positivesAbove == 0 || negatives == 0) return double.NaN;
        return pairsWon / ((double)positivesAbove * negatives);
    }

    /// <summary>
    /// ML.NET's AUPRC, the "lower trapezoid" estimator (Boyd, Eng &amp; Page, ECML 2013): rows by descending score,
    /// equal scores in row order; a positive row adds <c>(recall - previousRecall) (previousPrecision + precision) / 2</c>,
    /// a negative row lowers the previous precision to the current one. 0 when there is no positive.
    /// </summary>
    public static double AreaUnderPrecisionRecallCurve(ReadOnlySpan<float> scores, ReadOnlySpan<bool> positive)
    {
        CheckLengths(scores, positive);
        long positives = 0;
        foreach (bool p in positive) if (p) positives++;
        if (positives == 0) return 0;
        long truePositives = 0, falsePositives = 0;
        double area = 0, previousRecall = 0, previousPrecision = 1;
        foreach (int row in DescendingOrder(scores))
        {
            if (positive[row])
            {
                truePositives++;
                double recall = (double)truePositives / positives;
                double precision = (double)truePositives / (truePositives + falsePositives);
                area += (recall - previousRecall) * (previousPrecision + precision) / 2;
                previousRecall = recall;
                previousPrecision = precision;
            }
            else
            {
                falsePositives++;
                previousPrecision = (double)truePositives / (truePositives + falsePositives);
            }
        }
        return area;
    }

    /// <summary>Row indices by descending score, equal scores in row order (what a stable sort gives, as in ML.NET).</summary>
    private static int[] DescendingOrder(ReadOnlySpan<float> scores)
    {
        var keys = scores.ToArray();
        var order = new int[keys.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        return order;
    }

    private static void CheckLengths(ReadOnlySpan<float> scores, ReadOnlySpan<bool> positive)
    {
        if (scores.Length != positive.Length)
            throw new ArgumentException($"{scores.Length} scores were given for {positive.Length} labels; they must pair up.", nameof(positive));
    }
}
