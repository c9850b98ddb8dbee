// Small helpers over class scores shared by losses, prediction and evaluation.
namespace Microsoft.ML.Cnn.Losses;

/// <summary>Turns class scores into decisions.</summary>
public static class Classification
{
    /// <summary>The index of the largest score (the first one on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        if (scores.IsEmpty) throw new ArgumentException("There are no scores to choose from.", nameof(scores));
        int best = 0;
        for (int k = 1; k < scores.Length; k++)
            if (scores[k] > scores[best]) best = k;
        return best;
    }
}
