// The experiment's own record of one trial while the search runs: where it is in the search space, the rung it
// reached, its latest model and weights (what a promotion continues from), and its accumulated history.
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>The mutable state of a trial; <see cref="Snapshot"/> gives the immutable <see cref="RunDetail{TMetrics}"/>.</summary>
internal sealed class TrialRecord<TMetrics>(int index, IReadOnlyList<double> point, CnnTrialSettings settings, int seed) where TMetrics : class
{
    private readonly List<EpochMetrics> _history = [];

    /// <summary>0-based; the trial id shown to users is one more.</summary>
    public int Index { get; } = index;

    /// <summary>The tuner's coordinates of <see cref="Settings"/>.</summary>
    public IReadOnlyList<double> Point { get; } = point;

    public CnnTrialSettings Settings { get; } = settings;

    /// <summary>The trial's own seed; each stretch derives its seed from it and the rung.</summary>
    public int Seed { get; } = seed;

    /// <summary>The last rung reached, -1 before the first.</summary>
    public int Rung { get; private set; } = -1;

    public int Epochs { get; private set; }

    public double Metric { get; private set; } = double.NaN;

    public TMetrics? Metrics { get; private set; }

    /// <summary>The fitted pipeline (featurizer and trial steps) at <see cref="Rung"/>.</summary>
    public ITransformer? Model { get; private set; }

    /// <summary>The trained network at <see cref="Rung"/>: where a promotion continues from.</summary>
    public Network? Network { get; private set; }

    public double Seconds { get; private set; }

    public Exception? Exception { get; private set; }

    public bool WasCancelled { get; private set; }

    public bool WasTooSlow { get; private set; }

    /// <summary>Records a finished stretch: the trial now stands at <paramref name="rung"/> after <paramref name="epochs"/> epochs.</summary>
    public void Reached(int rung, int epochs, StretchResult<TMetrics> result, ITransformer model)
    {
        // The stretch numbers its epochs from 0; the history numbers them across the trial.
        foreach (var epoch in result.Epochs) _history.Add(epoch with { Epoch = Epochs + epoch.Epoch });
        (Rung, Epochs, Metric, Metrics, Model, Network) = (rung, epochs, result.MetricValue, result.Metrics, model, result.Network);
    }

    public void AddTime(TimeSpan elapsed) => Seconds += elapsed.TotalSeconds;

    public void Fail(Exception exception) => Exception = exception;

    public void Cancel() => WasCancelled = true;

    /// <summary>Records that the first rung was abandoned for its pace.</summary>
    public void Abandon() => WasTooSlow = true;

    public RunDetail<TMetrics> Snapshot(string trainerName, int topRung)
    {
        var status = Exception is not null ? TrialStatus.Failed
            : Rung < 0 && WasTooSlow ? TrialStatus.TooSlow
            : Rung < 0 && WasCancelled ? TrialStatus.Cancelled
            : Rung == topRung ? TrialStatus.Completed
            : TrialStatus.Stopped;
        return new RunDetail<TMetrics>(Index + 1, trainerName, Settings, status, Rung, Epochs, Metric, Metrics, Model, [.. _history], Seconds, Exception);
    }
}
