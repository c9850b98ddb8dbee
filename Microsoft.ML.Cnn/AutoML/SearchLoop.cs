// The experiment's main loop, one trial stretch at a time: ASHA picks a promotion (one that can finish before the
// deadline) or asks the tuner for a new trial; the stretch trains until its rung (or until the time limit,
// cancellation or a too-slow first pace stops it); its result feeds the rungs, the tuner, the log and the progress handler.
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>Runs the search of one Execute call.</summary>
internal sealed class SearchLoop<TMetrics> where TMetrics : class
{
    /// <summary>Failures in a row, with no trial ever succeeding, after which the experiment gives up.</summary>
    private const int FailuresBeforeGivingUp = 3;

    private readonly MLContext _context;
    private readonly IExperimentTask<TMetrics> _task;
    private readonly ExperimentSettings _settings;
    private readonly ExperimentData _data;
    private readonly TrialTrainer<TMetrics> _trainer;
    private readonly IReadOnlyList<int> _rungEpochs;
    private readonly AsyncSuccessiveHalving _rungs;
    private readonly ITuner _tuner;
    private readonly int _seed;
    private readonly List<TrialRecord<TMetrics>> _trials = [];
    private readonly List<TunerObservation> _observations = [];
    private readonly IProgress<RunDetail<TMetrics>>? _progress;
    private readonly Stopwatch _clock;

    /// <summary>A search over <paramref name="data"/>; <paramref name="clock"/> started with Execute (the time limit counts from then).</summary>
    public SearchLoop(MLContext context, IExperimentTask<TMetrics> task, ExperimentSettings settings, ExperimentData data, string labelColumnName,
        int seed, IProgress<RunDetail<TMetrics>>? progress, Stopwatch clock)
    {
        (_context, _task, _settings, _data, _seed, _progress, _clock) = (context, task, settings, data, seed, progress, clock);
        _trainer = new TrialTrainer<TMetrics>(context, task, data, labelColumnName, settings);
        _rungEpochs = settings.SuccessiveHalving.RungEpochs;
        _rungs = new AsyncSuccessiveHalving(_rungEpochs.Count, settings.SuccessiveHalving.ReductionFactor, task.HigherIsBetter);
        _tuner = Tuners.Create(settings.Tuner, settings.SearchSpace.Dimensions, SeededRandom.ForStream(seed, 1));
    }

    /// <summary>Searches until a limit or the token stops it; <paramref name="stop"/> combines the user's token and the deadline.</summary>
    public ExperimentResult<TMetrics> Run(CancellationToken stop)
    {
        ExperimentStopReason reason;
        while (true)
        {
            if (stop.IsCancellationRequested) { reason = StopReasonNow(); break; }
            if (NextStretch() is not var (trial, rung)) { reason = ExperimentStopReason.TrialLimit; break; }
            if (!RunStretch(trial, rung, stop)) { reason = StopReasonNow(); break; }
            if (_trials.Count >= FailuresBeforeGivingUp && _trials.TrueForAll(t => t.Exception is not null))
                throw new InvalidOperationException($"The first {_trials.Count} trials all failed; the last with: {trial.Exception!.Message}", trial.Exception);
        }
        return Result(reason, _clock.Elapsed.TotalSeconds);
    }

    private double RemainingSeconds => _settings.MaxExperimentTimeInSeconds - _clock.Elapsed.TotalSeconds;

    /// <summary>
    /// A promotion if ASHA has one that can finish before the deadline (at the trial's pace so far), else a new trial
    /// while the trial limit allows; null when neither.
    /// </summary>
    private (TrialRecord<TMetrics> Trial, int Rung)? NextStretch()
    {
        while (_rungs.NextPromotion() is { } promotion)
        {
            var promoted = _trials[promotion.Trial];
            double needed = promoted.Seconds / promoted.Epochs * (_rungEpochs[promotion.ToRung] - promoted.Epochs);
            if (needed <= RemainingSeconds) return (promoted, promotion.ToRung);
            // It would be stopped at the deadline with nothing gained; the time goes to other trials instead.
            Log(ChannelMessageKind.Info, string.Create(CultureInfo.InvariantCulture,
                $"Trial {promoted.Index + 1} is not promoted to rung {promotion.ToRung + 1}: at its pace it needs about {needed:F0} s, and {RemainingSeconds:F0} s remain."));
        }
        if (_settings.MaxModels is { } max && _trials.Count >= max) return null;
        var point = _tuner.Propose(_observations);
        int index = _trials.Count;
        var trial = new TrialRecord<TMetrics>(index, point, _settings.SearchSpace.Decode(point), (int)SeededRandom.ForStream(_seed, 100 + index).NextUInt32());
        _trials.Add(trial);
        return (trial, 0);
    }

    /// <summary>Trains <paramref name="trial"/> up to <paramref name="rung"/>; false when <paramref name="stop"/> interrupted it.</summary>
    private bool RunStretch(TrialRecord<TMetrics> trial, int rung, CancellationToken stop)
    {
        int epochs = _rungEpochs[rung] - trial.Epochs;
        int seed = (int)SeededRandom.ForStream(trial.Seed, rung).NextUInt32();
        long start = Stopwatch.GetTimestamp();
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var pace = rung == 0 ? new FirstRungPace(_settings.SuccessiveHalving.MaxFirstRungTimeShare * _settings.MaxExperimentTimeInSeconds, epochs, abandon) : null;
        try
        {
            var result = _trainer.Train(trial.Settings, epochs, seed, trial.Network, pace, abandon.Token);
            trial.AddTime(Stopwatch.GetElapsedTime(start));
            trial.Reached(rung, _rungEpochs[rung], result, _data.Compose(result.Model));
            _rungs.Record(trial.Index, rung, result.MetricValue);
            _observations.Add(new TunerObservation(trial.Point, rung, _task.HigherIsBetter ? -result.MetricValue : result.MetricValue));
            Log(ChannelMessageKind.Info, string.Create(CultureInfo.InvariantCulture,
                $"Trial {trial.Index + 1} reached rung {rung + 1}/{_rungEpochs.Count} ({trial.Epochs} epochs): {_task.MetricName} {result.MetricValue:F4} | {trial.Settings}"));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            trial.AddTime(Stopwatch.GetElapsedTime(start));
            trial.Cancel();
            Log(ChannelMessageKind.Info, $"Trial {trial.Index + 1} was stopped before reaching rung {rung + 1} ({StopReasonNow()}).");
            return false;
        }
        catch (OperationCanceledException) when (pace is { Exceeded: true })
        {
            trial.AddTime(Stopwatch.GetElapsedTime(start));
            trial.Abandon();
            // The tuner learns to avoid the region, as it would a diverged trial.
            _observations.Add(new TunerObservation(trial.Point, 0, double.NaN));
            Log(ChannelMessageKind.Info, string.Create(CultureInfo.InvariantCulture,
                $"Trial {trial.Index + 1} is too slow: its first rung would take about {pace.ProjectedSeconds:F0} s, over {_settings.SuccessiveHalving.MaxFirstRungTimeShare:P0} of the time budget; abandoned | {trial.Settings}"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            trial.AddTime(Stopwatch.GetElapsedTime(start));
            trial.Fail(e);
            Log(ChannelMessageKind.Warning, $"Trial {trial.Index + 1} failed: {e.Message} | {trial.Settings}");
        }
        _progress?.Report(trial.Snapshot(_task.TrainerName, _rungEpochs.Count - 1));
        return true;
    }

    private ExperimentStopReason StopReasonNow() =>
        _settings.CancellationToken.IsCancellationRequested ? ExperimentStopReason.Cancelled : ExperimentStopReason.TimeLimit;

    private ExperimentResult<TMetrics> Result(ExperimentStopReason reason, double elapsedSeconds)
    {
        var details = _trials.Select(t => t.Snapshot(_task.TrainerName, _rungEpochs.Count - 1)).ToArray();
        // Best metric first (NaN last), then the higher rung, then the earlier trial.
        var best = details.Where(d => d.Model is not null)
            .OrderBy(d => double.IsNaN(d.ValidationMetric))
            .ThenBy(d => double.IsNaN(d.ValidationMetric) ? 0 : _task.HigherIsBetter ? -d.ValidationMetric : d.ValidationMetric)
            .ThenByDescending(d => d.Rung)
            .ThenBy(d => d.TrialId)
            .FirstOrDefault();
        if (best is null) throw NoModel(reason);
        Log(ChannelMessageKind.Info, string.Create(CultureInfo.InvariantCulture,
            $"Experiment ended ({reason}) after {elapsedSeconds:F1} s and {details.Length} trial(s); best: trial {best.TrialId}, {_task.MetricName} {best.ValidationMetric:F4} at {best.Epochs} epochs."));
        return new ExperimentResult<TMetrics>(details, best, _task.MetricName, _rungEpochs, reason, elapsedSeconds);
    }

    private Exception NoModel(ExperimentStopReason reason) => reason switch
    {
        ExperimentStopReason.Cancelled => new OperationCanceledException("The experiment was cancelled before any trial reached its first rung, so there is no model.", _settings.CancellationToken),
        ExperimentStopReason.TimeLimit => new TimeoutException(
            $"No trial reached its first rung ({_rungEpochs[0]} epoch(s)) within MaxExperimentTimeInSeconds ({_settings.MaxExperimentTimeInSeconds} s); raise the time limit, or lower SuccessiveHalving.MinEpochs or the data size."),
        _ when _trials.Exists(t => t.WasTooSlow) => new InvalidOperationException(
            $"No trial reached its first rung: {_trials.Count(t => t.WasTooSlow)} of {_trials.Count} were abandoned as too slow (their first rung would take over " +
            $"{_settings.SuccessiveHalving.MaxFirstRungTimeShare:P0} of the time budget). Raise MaxExperimentTimeInSeconds or SuccessiveHalving.MaxFirstRungTimeShare, or search smaller networks."),
        _ => new InvalidOperationException(
            $"Every trial failed, so there is no model; the first failure: {_trials.FirstOrDefault(t => t.Exception is not null)?.Exception?.Message}",
            _trials.FirstOrDefault(t => t.Exception is not null)?.Exception),
    };

    private void Log(ChannelMessageKind kind, string message) => _context.WriteLog("AutoML", kind, message);
}
