// The shared part of the Cnn AutoML experiments, shaped as ML.NET's ExperimentBase: Execute prepares the data once,
// then searches network and training settings with successive halving until a limit, and returns every trial.
using System.Diagnostics;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>An AutoML experiment: searches Cnn networks and training settings for a task.</summary>
/// <typeparam name="TMetrics">The task's validation metrics.</typeparam>
/// <typeparam name="TExperimentSettings">The task's settings.</typeparam>
/// <remarks>
/// Trials run one at a time (each uses every compute thread). Every trial trains to the first rung of
/// <see cref="ExperimentSettings.SuccessiveHalving"/>; the best third (1/η) of a rung continue from their weights to
/// the next rung (asynchronous successive halving), each stretch with its own cosine-decayed learning rate.
/// <see cref="ExperimentSettings.Tuner"/> proposes the settings of new trials. With the same seed, data, settings and
/// thread count an experiment runs the same trials in the same order with the same results, except for what depends on
/// the machine's speed: how far the time limit lets it get, trials abandoned as too slow
/// (<see cref="SuccessiveHalvingOptions.MaxFirstRungTimeShare"/>), and promotions skipped because they could not finish
/// before the deadline.
/// </remarks>
public abstract class ExperimentBase<TMetrics, TExperimentSettings>
    where TMetrics : class
    where TExperimentSettings : ExperimentSettings
{
    private readonly MLContext _context;
    private readonly IExperimentTask<TMetrics> _task;

    private protected ExperimentBase(MLContext context, TExperimentSettings settings, IExperimentTask<TMetrics> task)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _context = context;
        Settings = settings;
        _task = task;
    }

    /// <summary>The settings (read again, and validated, by each Execute).</summary>
    public TExperimentSettings Settings { get; }

    /// <summary>Searches with <paramref name="validationData"/> as the rows trials are compared on.</summary>
    /// <param name="trainData">The training rows.</param>
    /// <param name="validationData">The validation rows, with the same columns as <paramref name="trainData"/>.</param>
    /// <param name="labelColumnName">The label column (multiclass: a key, or values mapped to keys here; binary: Boolean, Single or a 2-value key).</param>
    /// <param name="preFeaturizer">Steps fitted once on the training rows before the search (e.g. LoadImages, ResizeImages, ExtractPixels), ending in the feature column; null when the data has it.</param>
    /// <param name="progressHandler">Receives a trial's <see cref="RunDetail{TMetrics}"/> each time it reaches a rung or fails.</param>
    /// <exception cref="TimeoutException">No trial reached its first rung within the time limit.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before any trial reached its first rung.</exception>
    public ExperimentResult<TMetrics> Execute(IDataView trainData, IDataView validationData, string labelColumnName = "Label",
        IEstimator<ITransformer>? preFeaturizer = null, IProgress<RunDetail<TMetrics>>? progressHandler = null)
    {
        ArgumentNullException.ThrowIfNull(validationData);
        return Run(trainData, validationData, 0, labelColumnName, preFeaturizer, progressHandler);
    }

    /// <summary>
    /// Searches with a stratified, seeded tenth of <paramref name="trainData"/> held out as validation rows (the form
    /// ML.NET's <c>Execute(trainData, labelColumnName)</c> calls take).
    /// </summary>
    /// <param name="trainData">The rows; the validation rows are split off first, so the pre-featurizer is fitted without them.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="preFeaturizer">Steps fitted once on the training rows before the search; null when the data has the feature column.</param>
    /// <param name="progressHandler">Receives a trial's <see cref="RunDetail{TMetrics}"/> each time it reaches a rung or fails.</param>
    public ExperimentResult<TMetrics> Execute(IDataView trainData, string labelColumnName = "Label",
        IEstimator<ITransformer>? preFeaturizer = null, IProgress<RunDetail<TMetrics>>? progressHandler = null) =>
        Execute(trainData, 0.1, labelColumnName, preFeaturizer, progressHandler);

    /// <summary>Searches with a stratified, seeded <paramref name="validationFraction"/> of <paramref name="trainData"/> held out as validation rows.</summary>
    /// <param name="trainData">The rows; the validation rows are split off first, so the pre-featurizer is fitted without them.</param>
    /// <param name="validationFraction">The share held out, in (0, 1), e.g. 0.1.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="preFeaturizer">Steps fitted once on the training rows before the search; null when the data has the feature column.</param>
    /// <param name="progressHandler">Receives a trial's <see cref="RunDetail{TMetrics}"/> each time it reaches a rung or fails.</param>
    /// <exception cref="TimeoutException">No trial reached its first rung within the time limit.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before any trial reached its first rung.</exception>
    public ExperimentResult<TMetrics> Execute(IDataView trainData, double validationFraction, string labelColumnName = "Label",
        IEstimator<ITransformer>? preFeaturizer = null, IProgress<RunDetail<TMetrics>>? progressHandler = null)
    {
        if (!(validationFraction > 0 && validationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "Hold out a share strictly between 0 and 1, e.g. 0.1.");
        return Run(trainData, null, validationFraction, labelColumnName, preFeaturizer, progressHandler);
    }

    private ExperimentResult<TMetrics> Run(IDataView trainData, IDataView? validationData, double validationFraction, string labelColumnName,
        IEstimator<ITransformer>? preFeaturizer, IProgress<RunDetail<TMetrics>>? progressHandler)
    {
        ArgumentNullException.ThrowIfNull(trainData);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        Settings.Validate();
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(Settings.MaxExperimentTimeInSeconds);
        // A CancellationTokenSource delay must fit in an int of milliseconds (24.8 days); longer limits never fire.
        using var deadline = limit.TotalMilliseconds < int.MaxValue ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Settings.CancellationToken, deadline.Token);
        int seed = Settings.Seed ?? _context.NextSeed();

        var data = ExperimentData.Prepare(_context, trainData, validationData, validationFraction, labelColumnName, preFeaturizer, _task.PrepareLabel, seed);
        CheckColumns(data, labelColumnName);
        var (trainRows, validationRows) = data.Preload(Settings.FeatureColumnName, labelColumnName);
        _context.WriteLog("AutoML", ChannelMessageKind.Info, FormattableString.Invariant(
            $"Data ready in {clock.Elapsed.TotalSeconds:F1} s: {trainRows} training and {validationRows} validation rows, cached."));
        return new SearchLoop<TMetrics>(_context, _task, Settings, data, labelColumnName, seed, progressHandler, clock).Run(stop.Token);
    }

    /// <summary>Fails now, with the trainer's own message, when the prepared columns cannot train a Cnn (rather than in every trial).</summary>
    private void CheckColumns(ExperimentData data, string labelColumnName)
    {
        var probe = _task.CreateTrainer(new TrialTrainerOptions(labelColumnName, Settings.FeatureColumnName, new CnnTrialSettings(), 1, 0,
            data.Validation, null, Settings.Backend, Settings.NumberOfThreads, CancellationToken.None, _ => { }, null));
        probe.GetOutputSchema(SchemaShape.Create(data.Train.Schema));
        probe.GetOutputSchema(SchemaShape.Create(data.Validation.Schema));
    }
}
