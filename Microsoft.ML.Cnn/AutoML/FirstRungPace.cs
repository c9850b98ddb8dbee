// Watches a new trial's first batches and abandons it when its first rung would take too large a share of the time
// budget: on a CPU one oversized network could otherwise spend a short budget alone.
using System.Diagnostics;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>
/// Projects the time of a first-rung stretch from the pace of its batches (after the first, which includes
/// compilation) and cancels <paramref name="abandon"/> when the projection exceeds <paramref name="maxSeconds"/>.
/// </summary>
internal sealed class FirstRungPace(double maxSeconds, int epochs, CancellationTokenSource abandon) : IProgress<TrainingProgress>
{
    /// <summary>Batches timed before projecting, so one slow batch does not decide.</summary>
    public const int BatchesBeforeProjecting = 5;

    private long _firstBatchEnded;

    /// <summary>True once the projection exceeded the limit (and the stretch was cancelled).</summary>
    public bool Exceeded { get; private set; }

    /// <summary>The latest projection of the stretch's seconds; NaN before one was made.</summary>
    public double ProjectedSeconds { get; private set; } = double.NaN;

    public void Report(TrainingProgress value)
    {
        if (Exceeded || value.Epoch > 0) return;
        long now = Stopwatch.GetTimestamp();
        if (value.Batch == 0)
        {
            _firstBatchEnded = now;
            return;
        }
        if (value.Batch < BatchesBeforeProjecting) return;
        double secondsPerBatch = Stopwatch.GetElapsedTime(_firstBatchEnded, now).TotalSeconds / value.Batch;
        ProjectedSeconds = secondsPerBatch * value.BatchesPerEpoch * epochs;
        if (ProjectedSeconds <= maxSeconds) return;
        Exceeded = true;
        abandon.Cancel();
    }
}
