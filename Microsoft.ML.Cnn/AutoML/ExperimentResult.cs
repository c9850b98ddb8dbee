// What an experiment returns (ML.NET's ExperimentResult): the best trial, every trial, and why the search ended.
namespace Microsoft.ML.Cnn.AutoML;

/// <summary>Why an experiment stopped.</summary>
public enum ExperimentStopReason
{
    /// <summary><see cref="ExperimentSettings.MaxExperimentTimeInSeconds"/> passed.</summary>
    TimeLimit,
    /// <summary><see cref="ExperimentSettings.MaxModels"/> trials started and successive halving had no promotion left.</summary>
    TrialLimit,
    /// <summary><see cref="ExperimentSettings.CancellationToken"/> fired.</summary>
    Cancelled,
}

/// <summary>The trials of an experiment and the best of them.</summary>
/// <typeparam name="TMetrics">The task's metrics.</typeparam>
public sealed class ExperimentResult<TMetrics> where TMetrics : class
{
    internal ExperimentResult(IReadOnlyList<RunDetail<TMetrics>> runDetails, RunDetail<TMetrics> bestRun, string metricName,
        IReadOnlyList<int> rungEpochs, ExperimentStopReason stopReason, double elapsedSeconds)
    {
        RunDetails = runDetails;
        BestRun = bestRun;
        MetricName = metricName;
        RungEpochs = rungEpochs;
        StopReason = stopReason;
        ElapsedSeconds = elapsedSeconds;
    }

    /// <summary>Every trial started, in the order started (ML.NET's <c>RunDetails</c>).</summary>
    public IReadOnlyList<RunDetail<TMetrics>> RunDetails { get; }

    /// <summary>
    /// The trial with the best validation metric at the rung it reached (ties: the higher rung, then the earlier
    /// trial). Its <see cref="RunDetail{TMetrics}.Model"/> is the fitted pipeline to save.
    /// </summary>
    public RunDetail<TMetrics> BestRun { get; }

    /// <summary>The optimizing metric's name, e.g. "MicroAccuracy".</summary>
    public string MetricName { get; }

    /// <summary>The epochs of each rung, e.g. [1, 3, 9].</summary>
    public IReadOnlyList<int> RungEpochs { get; }

    /// <summary>Why the search ended.</summary>
    public ExperimentStopReason StopReason { get; }

    /// <summary>Seconds from the start of Execute to the end of the search.</summary>
    public double ElapsedSeconds { get; }

    /// <summary>A fixed-width table of every trial (settings, status, epochs, metric, time), the best marked with '*'.</summary>
    public string GetFormattedTrialTable() => TrialTable.Format(RunDetails, BestRun, MetricName);
}
