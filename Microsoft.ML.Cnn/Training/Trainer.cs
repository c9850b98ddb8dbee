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
/// Trains a <see cref="Network"/> in place. The training graph is built once; an executable is compiled per distinct
/// batch size (full batches and the last, smaller one) and reused, so steady-state steps allocate nothing.
/// </summary>
/// <remarks>
/// Cancellation is checked between batches and does not throw: <see cref="Fit"/> returns the history of the finished
/// epochs with <see cref="TrainingOutcome.Cancelled"/>, and the network holds usable weights (the best epoch's when
/// early stopping restores them and one was captured, otherwise the current ones). After <see cref="Fit"/> every
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
        if (Options.Augmentation is { } augmentation)
            train = new AugmentedTrainingData(train, augmentation, SeededRandom.ForStream(Options.Seed, 2));

        for (int i = 0; i < _network.Parameters.Count; i++) _store.Upload(_network.Parameters[i]);
        _training ??= new LossGraph(_network, Options.Loss, NetworkMode.Training, _backend, _store);
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
            if (!loop.Run(epoch, learningRate, out double loss, out double accuracy)) { outcome = TrainingOutcome.Cancelled; break; }
            var elapsed = Stopwatch.GetElapsedTime(start);
            var (validationLoss, validationAccuracy) = validation is null ? (double.NaN, double.NaN) : Evaluate(validation);
            epochs.Add(new EpochMetrics(epoch, loss, accuracy, validationLoss, validationAccuracy, learningRate, elapsed, train.Count / Math.Max(elapsed.TotalSeconds, 1e-9)));
            Options.Schedule.EpochEnded(epoch, validation is null ? loss : validationLoss);
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

    /// <summary>Mean loss and accuracy (NaN without one) of the network, in inference mode, over <paramref name="data"/>.</summary>
    public (double Loss, double Accuracy) Evaluate(ITrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckShapes(data, nameof(data));
        _evaluation ??= new LossGraph(_network, Options.Loss, NetworkMode.Inference, _backend, _store);
        var order = new int[data.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < data.Count; start += Options.BatchSize)
        {
            int size = Math.Min(Options.BatchSize, data.Count - start);
            lossSum += _evaluation.StepFor(size).Run(data, order.AsSpan(start, size), out int batchCorrect) * size;
            correct += batchCorrect;
        }
        return (lossSum / data.Count, Options.Loss.HasAccuracy ? (double)correct / data.Count : double.NaN);
    }

    public void Dispose()
    {
        _training?.Dispose();
        _evaluation?.Dispose();
        _store.Dispose();
        if (_ownsBackend) _backend.Dispose();
    }

    private void CheckShapes(ITrainingData data, string name)
    {
        if (data.SampleShape != _network.InputShape)
            throw new ArgumentException($"The {name} samples have shape {data.SampleShape}; the network takes {_network.InputShape}.", name);
        var labelShape = Options.Loss.LabelSampleShape(_network.OutputShape);
        if (data.LabelShape != labelShape)
            throw new ArgumentException($"The {name} labels have shape {data.LabelShape}; {Options.Loss} needs {labelShape}: {Options.Loss.LabelDescription}.", name);
        if (data.Count < 1) throw new ArgumentException($"The {name} data is empty.", name);
    }

    /// <summary>One epoch's batches: shuffle, run, step the optimizer, update batch-norm statistics, report.</summary>
    private sealed class EpochLoop(Trainer trainer, ITrainingData train, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        private readonly int[] _order = Enumerable.Range(0, train.Count).ToArray();
        private readonly SeededRandom _shuffle = SeededRandom.ForStream(trainer.Options.Seed, 0);

        /// <summary>Runs one epoch; false when cancelled before it finished.</summary>
        public bool Run(int epoch, float learningRate, out double meanLoss, out double accuracy)
        {
            var options = trainer.Options;
            var training = trainer._training!;
            if (options.ShuffleEachEpoch) _shuffle.Shuffle(_order);
            int batches = (_order.Length + options.BatchSize - 1) / options.BatchSize;
            double lossSum = 0;
            long correct = 0, seen = 0;
            meanLoss = accuracy = double.NaN;
            for (int batch = 0; batch < batches; batch++)
            {
                if (cancellationToken.IsCancellationRequested) return false;
                int start = batch * options.BatchSize, size = Math.Min(options.BatchSize, _order.Length - start);
                var step = training.StepFor(size);
                double loss = step.Run(train, _order.AsSpan(start, size), out int batchCorrect);
                L2Decay.AddToGradients(trainer._store, trainer._trainable, options.WeightDecay);
                options.Optimizer.Step(trainer._store, trainer._trainable, learningRate);
                step.UpdateRunningStatistics(trainer._store);
                lossSum += loss * size;
                correct += batchCorrect;
                seen += size;
                meanLoss = lossSum / seen;
                accuracy = options.Loss.HasAccuracy ? (double)correct / seen : double.NaN;
                progress?.Report(new TrainingProgress(epoch, batch, batches, loss, meanLoss, accuracy, learningRate));
            }
            return true;
        }
    }
}
