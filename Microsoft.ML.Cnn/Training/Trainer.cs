// The training loop: seeded shuffling, one compiled step per batch size, optimizer and batch-norm statistics
// updates, validation, learning-rate schedule, early stopping and cancellation.
using System.Diagnostics;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Optimizers;

namespace Microsoft.ML.Cnn.Training;

/// <summary>
/// Trains a <see cref="Network"/> in place, from in-memory data (<see cref="ITrainingData"/>) or a streamed
/// <see cref="IBatchSource"/>: both run the same epoch loop over batch readers. The training graph is built once; an
/// executable is compiled per distinct batch size (full batches and the last, smaller one) and reused, so
/// steady-state steps allocate nothing.
/// </summary>
/// <remarks>
/// Cancellation is checked between batches and does not throw: Fit returns the history of the finished
/// epochs with <see cref="TrainingOutcome.Cancelled"/>, and the network holds usable weights (the best epoch's when
/// early stopping restores them and one was captured, otherwise the current ones). After Fit every
/// <see cref="Parameter.Data"/> holds the trained values.
/// </remarks>
public sealed class Trainer : IDisposable
{
    private readonly Network _network;
    private readonly IBackend _backend;
    private readonly bool _ownsBackend;
    private readonly IParameterStore _store;
    private readonly Parameter[] _trainable;
    private LossGraph? _training;
    private LossGraph? _evaluation;
    private BatchBuffers? _evaluationBuffers;

    public Trainer(Network network, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _network = network;
        Options = options;
        _ownsBackend = options.Backend is null;
        _backend = options.Backend ?? BackendFactory.Create(options.BackendKind, options.Threads, options.Log);
        if (options.Backend is not null) options.Log?.Invoke($"Backend: {BackendFactory.Describe(_backend)} (given).");
        _store = _backend.CreateParameterStore(network.Parameters);
        _trainable = network.Parameters.Where(p => p.RequiresGradient).ToArray();
    }

    public TrainerOptions Options { get; }

    /// <summary>The backend training runs on, e.g. "oneDNN backend, 2 thread(s)", for progress lines.</summary>
    public string BackendDescription => BackendFactory.Describe(_backend);

    /// <summary>Trains for <see cref="TrainerOptions.Epochs"/> epochs (fewer when stopped early or cancelled).</summary>
    /// <param name="train">The training samples; labels must fit the loss (see <see cref="Losses.Loss.LabelSampleShape"/>).</param>
    /// <param name="validation">Evaluated after each epoch; null to use <see cref="TrainerOptions.ValidationFraction"/> (or none).</param>
    /// <param name="progress">Receives a <see cref="TrainingProgress"/> after every batch, on the training thread.</param>
    /// <param name="cancellationToken">Checked between batches; see the remarks on the class.</param>
    public TrainingHistory Fit(ITrainingData train, ITrainingData? validation = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (validation is not null && Options.ValidationFraction > 0)
            throw new ArgumentException("Validation data was passed and ValidationFraction is set; use one of them.", nameof(validation));
        if (Options.ValidationFraction > 0)
            (train, validation) = DataSubset.Split(train, Options.ValidationFraction, SeededRandom.ForStream(Options.Seed, 1).NextUInt32());
        CheckShapes(train, nameof(train));
        if (validation is not null) CheckShapes(validation, nameof(validation));
        if (Options.EarlyStopping is not null && validation is null)
            throw new ArgumentException("Early stopping monitors validation metrics; pass validation data or set ValidationFraction.", nameof(validation));
        IBatchSource trainSource = new IndexedBatchSource(train, Options.ShuffleEachEpoch ? SeededRandom.ForStream(Options.Seed, 0) : null);
        if (Options.Augmentation is { } augmentation)
            trainSource = new AugmentedBatchSource(trainSource, augmentation, SeededRandom.ForStream(Options.Seed, 2));
        return Run(trainSource, validation is null ? null : new IndexedBatchSource(validation, shuffle: null), progress, cancellationToken);
    }

    /// <summary>
    /// Trains on a streamed <paramref name="train"/> source, read once per epoch in the order it chooses (it shuffles,
    /// not the trainer). <see cref="TrainerOptions.Augmentation"/> applies to its batches; <see cref="TrainerOptions.ValidationFraction"/>
    /// must be 0: a source is split by whoever creates it, and the held-out part passed as <paramref name="validation"/>.
    /// </summary>
    /// <param name="train">The training samples; labels must fit the loss.</param>
    /// <param name="validation">Evaluated after each epoch (never augmented); null for none.</param>
    /// <param name="progress">Receives a <see cref="TrainingProgress"/> after every batch, on the training thread.</param>
    /// <param name="cancellationToken">Checked between batches; see the remarks on the class.</param>
    /// <exception cref="InvalidOperationException">A pass of <paramref name="train"/> or <paramref name="validation"/> gave no samples.</exception>
    public TrainingHistory Fit(IBatchSource train, IBatchSource? validation = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (Options.ValidationFraction > 0)
            throw new ArgumentException("ValidationFraction splits index-addressed data only; split a batch source where it is created and pass the held-out part as validation.", nameof(train));
        CheckShapes(train.SampleShape, train.LabelShape, nameof(train));
        if (validation is not null) CheckShapes(validation.SampleShape, validation.LabelShape, nameof(validation));
        if (Options.EarlyStopping is not null && validation is null)
            throw new ArgumentException("Early stopping monitors validation metrics; pass a validation source.", nameof(validation));
        if (Options.Augmentation is { } augmentation)
            train = new AugmentedBatchSource(train, augmentation, SeededRandom.ForStream(Options.Seed, 2));
        return Run(train, validation, progress, cancellationToken);
    }

    /// <summary>Mean loss and accuracy (NaN without one) of the network, in inference mode, over <paramref name="data"/>.</summary>
    public (double Loss, double Accuracy) Evaluate(ITrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckShapes(data, nameof(data));
        return Evaluate(new IndexedBatchSource(data, shuffle: null));
    }

    /// <summary>
    /// Mean loss (weighted when the source has sample weights) and accuracy (NaN without one) of the network, in
    /// inference mode, over one pass of <paramref name="data"/>.
    /// </summary>
    public (double Loss, double Accuracy) Evaluate(IBatchSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckShapes(data.SampleShape, data.LabelShape, nameof(data));
        var evaluation = GraphFor(ref _evaluation, NetworkMode.Inference, data.HasSampleWeights);
        var batch = BatchBuffers.For(ref _evaluationBuffers, data, Options.BatchSize);
        var totals = new RunningTotals();
        using (var reader = data.Open(0))
        {
            for (int size; (size = batch.Read(reader)) > 0;)
            {
                double loss = evaluation.StepFor(size).Run(batch.Features(size), batch.Labels(size), batch.Weights(size), out int correct);
                totals.Add(loss, batch.WeightOf(size), size, correct);
            }
        }
        if (totals.Samples == 0) throw new InvalidOperationException("The evaluated data gave no samples; there is nothing to evaluate.");
        return (totals.MeanLoss, Options.Loss.HasAccuracy ? totals.Accuracy : double.NaN);
    }

    public void Dispose()
    {
        _training?.Dispose();
        _evaluation?.Dispose();
        _store.Dispose();
        if (_ownsBackend) _backend.Dispose();
    }

    /// <summary>The epochs, validation, schedule, early stopping and weight restore shared by both Fit overloads.</summary>
    private TrainingHistory Run(IBatchSource train, IBatchSource? validation, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        for (int i = 0; i < _network.Parameters.Count; i++) _store.Upload(_network.Parameters[i]);
        GraphFor(ref _training, NetworkMode.Training, train.HasSampleWeights);
        Options.Schedule.Reset();
        var loop = new EpochLoop(this, train, progress, cancellationToken);
        var tracker = Options.EarlyStopping is { } stopping ? new EarlyStoppingTracker(stopping) : null;
        var best = tracker is not null && tracker.Options.RestoreBestWeights ? new WeightSnapshot(_store) : null;
        var epochs = new List<EpochMetrics>();
        var outcome = TrainingOutcome.Completed;

        for (int epoch = 0; epoch < Options.Epochs; epoch++)
        {
            float learningRate = Options.Schedule.LearningRate(epoch, Options.Optimizer.LearningRate);
            long start = Stopwatch.GetTimestamp();
            if (!loop.Run(epoch, learningRate, out var totals)) { outcome = TrainingOutcome.Cancelled; break; }
            var elapsed = Stopwatch.GetElapsedTime(start);
            var (validationLoss, validationAccuracy) = validation is null ? (double.NaN, double.NaN) : Evaluate(validation);
            double accuracy = Options.Loss.HasAccuracy ? totals.Accuracy : double.NaN;
            var metrics = new EpochMetrics(epoch, totals.MeanLoss, accuracy, validationLoss, validationAccuracy, learningRate, elapsed, totals.Samples / Math.Max(elapsed.TotalSeconds, 1e-9));
            epochs.Add(metrics);
            Options.EpochEnded?.Invoke(metrics);
            Options.Schedule.EpochEnded(epoch, validation is null ? totals.MeanLoss : validationLoss);
            if (tracker is null) continue;
            if (tracker.Observe(validationLoss, validationAccuracy)) best?.Capture(_store, epoch);
            if (tracker.ShouldStop) { outcome = TrainingOutcome.StoppedEarly; break; }
        }

        int restored = -1;
        // The store holds the last finished epoch's weights unless a cancelled epoch moved them part way.
        bool weightsMovedSinceBest = outcome == TrainingOutcome.Cancelled || best?.Epoch != epochs.Count - 1;
        if (best is { Epoch: >= 0 } && weightsMovedSinceBest)
        {
            best.Restore(_store);
            restored = best.Epoch;
        }
        for (int i = 0; i < _network.Parameters.Count; i++) _store.Download(_network.Parameters[i]);
        return new TrainingHistory(epochs, outcome, restored);
    }

    /// <summary>The cached loss graph for <paramref name="mode"/>, rebuilt when the sample-weight input changes.</summary>
    private LossGraph GraphFor(ref LossGraph? cached, NetworkMode mode, bool sampleWeights)
    {
        if (cached is not null && cached.Weights is not null == sampleWeights) return cached;
        cached?.Dispose();
        return cached = new LossGraph(_network, Options.Loss, mode, _backend, _store, sampleWeights);
    }

    private void CheckShapes(ITrainingData data, string name)
    {
        CheckShapes(data.SampleShape, data.LabelShape, name);
        if (data.Count < 1) throw new ArgumentException($"The {name} data is empty.", name);
    }

    private void CheckShapes(Shape sampleShape, Shape labelShape, string name)
    {
        if (sampleShape != _network.InputShape)
            throw new ArgumentException($"The {name} samples have shape {sampleShape}; the network takes {_network.InputShape}.", name);
        var expected = Options.Loss.LabelSampleShape(_network.OutputShape);
        if (labelShape != expected)
            throw new ArgumentException($"The {name} labels have shape {labelShape}; {Options.Loss} needs {expected}: {Options.Loss.LabelDescription}.", name);
    }

    /// <summary>One epoch's batches: read, run, step the optimizer, update batch-norm statistics, report.</summary>
    private sealed class EpochLoop(Trainer trainer, IBatchSource train, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        private BatchBuffers? _batch;

        /// <summary>Runs one epoch; false when cancelled before it finished.</summary>
        public bool Run(int epoch, float learningRate, out RunningTotals totals)
        {
            var options = trainer.Options;
            var training = trainer._training!;
            var batch = BatchBuffers.For(ref _batch, train, options.BatchSize);
            int batches = train.Count is { } count ? (int)Math.Min(int.MaxValue, (count + options.BatchSize - 1) / options.BatchSize) : 0;
            totals = new RunningTotals();
            using var reader = train.Open(epoch);
            for (int index = 0; ; index++)
            {
                int size = batch.Read(reader);
                if (size == 0) break;
                // Checked only when a batch remains, so a token fired during the last batch still completes the epoch.
                if (cancellationToken.IsCancellationRequested) return false;
                var step = training.StepFor(size);
                double loss = step.Run(batch.Features(size), batch.Labels(size), batch.Weights(size), out int batchCorrect);
                L2Decay.AddToGradients(trainer._store, trainer._trainable, options.WeightDecay);
                options.Optimizer.Step(trainer._store, trainer._trainable, learningRate);
                step.UpdateRunningStatistics(trainer._store);
                totals.Add(loss, batch.WeightOf(size), size, batchCorrect);
                double accuracy = options.Loss.HasAccuracy ? totals.Accuracy : double.NaN;
                progress?.Report(new TrainingProgress(epoch, index, Math.Max(batches, index + 1), loss, totals.MeanLoss, accuracy, learningRate));
            }
            if (totals.Samples == 0)
                throw new InvalidOperationException($"The training data gave no samples in epoch {epoch + 1}; there is nothing to train on.");
            return true;
        }
    }
}
