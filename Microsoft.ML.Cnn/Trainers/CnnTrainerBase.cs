// The estimator shared by the Cnn trainers: validates the columns, builds the network for the feature shape, streams
// the data view through the engine's Trainer (with validation, augmentation and logging) and hands the trained
// network to the task's transformer. The tasks differ only in their label, loss and output columns.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Optimizers.Schedules;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>What a task trains against: network outputs, the loss, the per-sample label shape and how labels are read.</summary>
internal sealed record CnnTask(int Outputs, Loss Loss, Shape LabelShape, LabelReaderFactory Labels);

/// <summary>The base of the Cnn trainers (ML.NET's trainer estimators cannot be subclassed outside ML.NET).</summary>
/// <typeparam name="TTransformer">The fitted model type.</typeparam>
public abstract class CnnTrainerBase<TTransformer> : IEstimator<TTransformer> where TTransformer : CnnPredictionTransformerBase
{
    private readonly MLContext _context;
    private readonly CnnTrainerOptions _options;
    private readonly int _seed;

    private protected CnnTrainerBase(MLContext context, CnnTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _context = context;
        _options = options;
        _seed = options.Seed ?? context.NextSeed();
    }

    /// <summary>The seed of this trainer's runs: the options' seed, or one drawn from the MLContext when it was created.</summary>
    public int Seed => _seed;

    /// <summary>Trains a network on <paramref name="input"/> and returns the fitted model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type, or the features do not fit the architecture.</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token fired.</exception>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var (features, shape) = CnnColumns.Features(input.Schema, _options.FeatureColumnName);
        var label = CnnColumns.Find(input.Schema, _options.LabelColumnName);
        var task = CreateTask(label, "training data");
        var network = BuildNetwork(features, shape, task.Outputs);
        var augmentation = ReadAugmentation(features, shape);
        var (train, validation) = CreateSources(input, features, shape, label, task);
        var optimizer = _options.Optimizer ?? new Adam(_options.LearningRate ?? 1e-3f);
        optimizer.Reset(); // each Fit is a fresh run, even with a given optimizer instance
        var trainerOptions = new TrainerOptions
        {
            Loss = task.Loss, Optimizer = optimizer, Epochs = _options.MaxEpoch, BatchSize = _options.BatchSize, Seed = _seed,
            Schedule = _options.LearningRateSchedule ?? new ConstantSchedule(), WeightDecay = _options.WeightDecay,
            EarlyStopping = _options.EarlyStopping, BackendKind = _options.Backend, Threads = _options.NumberOfThreads,
            Augmentation = augmentation, Log = line => Log(ChannelMessageKind.Info, line),
            EpochEnded = metrics => { Log(ChannelMessageKind.Info, metrics.ToString()); _options.MetricsCallback?.Invoke(metrics); },
        };
        using var trainer = new Trainer(network, trainerOptions);
        Log(ChannelMessageKind.Info, $"Training the {Architecture} ({network.Parameters.Sum(p => (long)p.Shape.ElementCount)} parameters) on samples of shape {shape}, {_options.MaxEpoch} epoch(s) of batch {_options.BatchSize}{(augmentation is null ? "" : $", augmented by {augmentation}")}.");
        var history = trainer.Fit(train, validation, _options.Progress, _options.CancellationToken);
        if (history.Cancelled) throw new OperationCanceledException($"{GetType().Name}.Fit was cancelled after {history.Epochs.Count} finished epoch(s).", _options.CancellationToken);
        Log(ChannelMessageKind.Info, $"Training ended: {history.Outcome}{(history.RestoredEpoch >= 0 ? $", weights of epoch {history.RestoredEpoch + 1} restored" : "")}.");
        return CreateTransformer(new CnnModelState(network, _options.FeatureColumnName, history, _options.Backend, _options.NumberOfThreads, _options.ScoringBatchSize), label);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        CnnColumns.CheckFeatures(inputSchema, _options.FeatureColumnName);
        var label = SchemaErrors.Find(inputSchema, _options.LabelColumnName);
        CheckLabel(label);
        CnnColumns.CheckWeight(inputSchema, _options.ExampleWeightColumnName);
        var result = new List<SchemaShape.Column>(inputSchema);
        foreach (var output in OutputColumns(label))
        {
            result.RemoveAll(c => c.Name == output.Name);
            result.Add(output);
        }
        return new SchemaShape(result);
    }

    /// <summary>Fails (see <see cref="SchemaErrors"/>) when the label column's shape cannot be this task's label.</summary>
    private protected abstract void CheckLabel(SchemaShape.Column label);

    /// <summary>The columns the fitted transformer adds, for a label of this shape.</summary>
    private protected abstract IEnumerable<SchemaShape.Column> OutputColumns(SchemaShape.Column label);

    /// <summary>The task for this label column (of the named data); fails when its type or values cannot be this task's label.</summary>
    private protected abstract CnnTask CreateTask(DataViewSchema.Column label, string dataName);

    /// <summary>The fitted transformer around the trained network.</summary>
    private protected abstract TTransformer CreateTransformer(CnnModelState state, DataViewSchema.Column label);

    private protected CnnArchitecture Architecture => _options.Architecture ?? CnnArchitecture.Default;

    private protected void Log(ChannelMessageKind kind, string message) => _context.WriteLog(GetType().Name, kind, message);

    private Network BuildNetwork(DataViewSchema.Column features, Shape shape, int outputs)
    {
        Network network;
        try
        {
            network = Architecture.Build(shape, outputs, _seed);
        }
        catch (Exception e) when (e is ShapeInferenceException or ArgumentException)
        {
            throw CnnColumns.ArchitectureMismatch(features, shape, Architecture, e);
        }
        if (_options.InitialWeights is { } initial)
        {
            var report = WeightTransfer.Copy(initial, network);
            if (report.Copied.Count == 0)
                throw new ArgumentException($"No parameter of InitialWeights matches one of the {Architecture} by name and shape, so fine-tuning would start from scratch: {report}", nameof(CnnTrainerOptions.InitialWeights));
            Log(report.Missing.Count + report.WrongShape.Count > 0 ? ChannelMessageKind.Warning : ChannelMessageKind.Info, $"Initial weights: {report}");
        }
        foreach (string name in _options.FrozenLayers ?? [])
        {
            foreach (var layer in FindLayers(network, name, nameof(CnnTrainerOptions.FrozenLayers))) layer.Trainable = false;
        }
        if (_options.TrainableLayers is { } trainable)
        {
            // Checked here first so an unknown name is reported against the option that holds it.
            foreach (string name in trainable) FindLayers(network, name, nameof(CnnTrainerOptions.TrainableLayers));
            network.FreezeAllExcept([.. trainable]);
        }
        if (!network.Parameters.Any(p => p.RequiresGradient))
            throw new ArgumentException($"Every layer of the {Architecture} is frozen, so training would change nothing; unfreeze at least one.", nameof(CnnTrainerOptions.FrozenLayers));
        return network;
    }

    /// <summary>The layer, or the layers of the module path (<see cref="Network.FindLayers"/>), that <paramref name="name"/> names.</summary>
    private IReadOnlyList<Layer> FindLayers(Network network, string name, string option)
    {
        var found = network.FindLayers(name);
        return found.Count > 0 ? found : throw new ArgumentException(
            $"{option} names '{name}', which is neither a layer nor a module of the {Architecture}; its layers are {string.Join(", ", network.Layers.Select(l => l.Name))}.", option);
    }

    private static ImageAugmentation? ReadAugmentation(DataViewSchema.Column features, Shape shape)
    {
        var annotation = features.Annotations.Schema.GetColumnOrNull(AnnotationKinds.TrainingAugmentation);
        if (annotation is null) return null;
        if (annotation.Value.Type is not ImageAugmentationDataViewType)
            throw SchemaErrors.Mismatch(features.Name, $"a {AnnotationKinds.TrainingAugmentation} annotation of type {ImageAugmentationDataViewType.Instance}", annotation.Value.Type.ToString()!);
        ImageAugmentation? augmentation = null;
        features.Annotations.GetValue(AnnotationKinds.TrainingAugmentation, ref augmentation);
        if (augmentation is null) return null;
        try
        {
            augmentation.Validate(shape);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentOutOfRangeException($"Feature column '{features.Name}' ({features.Type}) carries an augmentation that does not fit its samples {shape}: {e.Message}", e);
        }
        return augmentation;
    }

    private (IBatchSource Train, IBatchSource? Validation) CreateSources(IDataView input, DataViewSchema.Column features, Shape shape, DataViewSchema.Column label, CnnTask task)
    {
        int poolRows = _options.ShufflePoolSize ?? ShufflePool.DefaultCapacity(shape.ElementCount, _options.BatchSize);
        var weight = CnnColumns.Weight(input.Schema, _options.ExampleWeightColumnName);
        var classWeights = CheckClassWeights(task.Outputs);
        long orderSeed = SeededRandom.ForStream(_seed, 3).NextUInt32();
        // Each pass reads (and decodes) the next batch on a background thread while the current one trains.
        IBatchSource Source(IDataView data, string description, DataViewSchema.Column f, DataViewSchema.Column l, CnnTask t, DataViewSchema.Column? w, RowSplit? split, bool shuffle) =>
            new ReadAheadBatchSource(new DataViewBatchSource(new(data, description, f, shape, l, t.LabelShape, t.Labels, w, classWeights, split, shuffle, poolRows, orderSeed, Log)), _options.BatchSize);

        if (_options.ValidationSet is { } validationSet)
        {
            const string name = "validation set";
            var schema = validationSet.Schema;
            CnnColumns.CheckSameType(schema, features, name);
            var validationLabel = CnnColumns.Find(schema, label.Name);
            var validationTask = CreateTask(validationLabel, name);
            if (validationTask.Outputs != task.Outputs)
                throw new ArgumentOutOfRangeException(name, $"The {name}'s label '{label.Name}' ({validationLabel.Type}) gives {validationTask.Outputs} outputs; the training label ({label.Type}) {task.Outputs}. Map both with the same fitted MapValueToKey.");
            var validationWeight = weight is null ? null : CnnColumns.Weight(schema, weight.Value.Name);
            return (Source(input, "training rows", features, label, task, weight, null, shuffle: true),
                Source(validationSet, "validation rows", schema[features.Name], validationLabel, validationTask, validationWeight, null, shuffle: false));
        }
        if (_options.ValidationSetFraction > 0f)
        {
            var split = new RowSplit(_options.ValidationSetFraction, (int)SeededRandom.ForStream(_seed, 4).NextUInt32(), Validation: false);
            return (Source(input, "training rows", features, label, task, weight, split, shuffle: true),
                Source(input, "validation rows", features, label, task, weight, split.Other, shuffle: false));
        }
        return (Source(input, "training rows", features, label, task, weight, null, shuffle: true), null);
    }

    /// <summary>The class weights, checked against the number of classes (null for regression or when none are set).</summary>
    private float[]? CheckClassWeights(int outputs)
    {
        if (_options is not CnnClassificationTrainerOptions { ClassWeights: { } weights }) return null;
        int classes = Math.Max(outputs, 2); // a binary classifier has one output and two classes
        if (weights.Length != classes)
            throw new ArgumentException($"{weights.Length} class weights were given for {classes} classes; give one weight per class (binary: [negative, positive]).", nameof(CnnClassificationTrainerOptions.ClassWeights));
        return weights;
    }
}
