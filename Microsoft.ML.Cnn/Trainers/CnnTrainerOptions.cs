// The settings every Cnn trainer shares, as ML.NET trainer options are written: public fields with defaults.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Optimizers.Schedules;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>
/// The options shared by <see cref="CnnMulticlassTrainer"/>, <see cref="CnnBinaryTrainer"/> and
/// <see cref="CnnRegressionTrainer"/>. Training-time image augmentation is not an option: it comes with the feature
/// column (the <see cref="AnnotationKinds.TrainingAugmentation"/> annotation the augmentation transforms set).
/// </summary>
public abstract class CnnTrainerOptions
{
    private protected CnnTrainerOptions() { }

    /// <summary>The label column. Default "Label".</summary>
    public string LabelColumnName = DefaultColumnNames.Label;

    /// <summary>
    /// The feature column: a known-size vector of Single. Dimensions (C, H, W) (as ExtractPixels writes them) are
    /// images; (H, W) is one channel; a flat (N) vector feeds networks whose input is (N). Default "Features".
    /// </summary>
    public string FeatureColumnName = DefaultColumnNames.Features;

    /// <summary>
    /// A Single column weighting each row's loss (training and validation); null (default) weighs rows equally. Rows with
    /// a missing, negative or zero weight are skipped.
    /// </summary>
    public string? ExampleWeightColumnName;

    /// <summary>The score column the fitted transformer adds. Default "Score".</summary>
    public string ScoreColumnName = DefaultColumnNames.Score;

    /// <summary>The network to train; null (default) for <see cref="CnnArchitecture.Default"/>.</summary>
    public CnnArchitecture? Architecture;

    /// <summary>Epochs (passes over the training rows); fewer run when early stopping ends training. Default 10.</summary>
    public int MaxEpoch = 10;

    /// <summary>Rows per training step. Default 32.</summary>
    public int BatchSize = 32;

    /// <summary>The update rule, with its own learning rate; null (default) for Adam at <see cref="LearningRate"/>. One optimizer instance per trainer.</summary>
    public Optimizer? Optimizer;

    /// <summary>The learning rate of the default Adam optimizer; null for 1e-3. Leave null when setting <see cref="Optimizer"/>.</summary>
    public float? LearningRate;

    /// <summary>The per-epoch learning rate; null (default) keeps it constant.</summary>
    public ILearningRateSchedule? LearningRateSchedule;

    /// <summary>Coupled L2 weight decay on weights (not biases or batch norm); 0 (default) for none.</summary>
    public float WeightDecay;

    /// <summary>
    /// Rows evaluated after every epoch (validation loss and accuracy in the metrics; needed by early stopping), with the
    /// same columns as the training data, i.e. already transformed by the steps before the trainer; null for none.
    /// </summary>
    public IDataView? ValidationSet;

    /// <summary>
    /// Instead of <see cref="ValidationSet"/>: the share of training rows held out for validation, chosen by a seeded hash
    /// of each row's position (so about this share, the same rows every epoch). 0 (default) for none.
    /// </summary>
    public float ValidationSetFraction;

    /// <summary>Stops training when the validation metric stops improving; needs validation rows. Null (default) trains every epoch.</summary>
    public EarlyStoppingOptions? EarlyStopping;

    /// <summary>Seeds the weights of presets, the row order, the validation split and augmentation; null (default) draws one from the MLContext.</summary>
    public int? Seed;

    /// <summary>The compute backend for training and scoring. Default <see cref="BackendKind.Auto"/> (oneDNN when installed).</summary>
    public BackendKind Backend = BackendKind.Auto;

    /// <summary>Compute threads; null (default) for every core.</summary>
    public int? NumberOfThreads;

    /// <summary>
    /// A trained network whose weights are copied, by parameter name and shape, into the new network before training
    /// (fine-tuning); parameters without a match keep their initial values (the log lists them). Never modified.
    /// </summary>
    public Network? InitialWeights;

    /// <summary>
    /// Names of layers of the new network that training must not change (e.g. a transferred feature extractor); a
    /// PyTorch module path such as "layer3" names every layer under it.
    /// </summary>
    public IReadOnlyList<string>? FrozenLayers;

    /// <summary>
    /// Names of the only layers training may change; every other layer of the new network is frozen (e.g. ["fc"] to
    /// train just a new head on imported weights, or ["layer4", "fc"]: module paths name every layer under them). Null
    /// (default) leaves the flags as built. Set this or
    /// <see cref="FrozenLayers"/>, not both.
    /// </summary>
    public IReadOnlyList<string>? TrainableLayers;

    /// <summary>
    /// Rows held in memory to shuffle a data view that cannot shuffle itself (or when <see cref="ValidationSetFraction"/>
    /// splits it); null (default) for 1024 rows or 64 MiB of features, whichever is fewer, and never less than a batch.
    /// </summary>
    public int? ShufflePoolSize;

    /// <summary>Called after every epoch with its metrics (also written to <see cref="MLContext.Log"/>).</summary>
    public Action<EpochMetrics>? MetricsCallback;

    /// <summary>Receives progress after every training batch, on the training thread.</summary>
    public IProgress<TrainingProgress>? Progress;

    /// <summary>Checked between batches; when it fires, Fit throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken CancellationToken;

    /// <summary>Rows scored per forward pass by the fitted transformer. Default 256.</summary>
    public int ScoringBatchSize = 256;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option and how to fix it.</summary>
    internal virtual void Validate()
    {
        Require(!string.IsNullOrEmpty(LabelColumnName), nameof(LabelColumnName), "LabelColumnName is empty; name the label column, e.g. \"Label\".");
        Require(!string.IsNullOrEmpty(FeatureColumnName), nameof(FeatureColumnName), "FeatureColumnName is empty; name the feature column, e.g. \"Features\".");
        Require(LabelColumnName != FeatureColumnName, nameof(FeatureColumnName), $"The label and feature columns are both '{LabelColumnName}'; they must differ.");
        Require(ExampleWeightColumnName is null || ExampleWeightColumnName.Length > 0, nameof(ExampleWeightColumnName), "ExampleWeightColumnName is empty; name a Single column or leave it null.");
        Require(!string.IsNullOrEmpty(ScoreColumnName), nameof(ScoreColumnName), "ScoreColumnName is empty; use e.g. \"Score\".");
        Require(MaxEpoch >= 1, nameof(MaxEpoch), $"MaxEpoch is {MaxEpoch}; train for at least 1 epoch, e.g. 10.");
        Require(BatchSize >= 1, nameof(BatchSize), $"BatchSize is {BatchSize}; use at least 1, e.g. 32.");
        Require(LearningRate is null || (LearningRate > 0f && float.IsFinite(LearningRate.Value)), nameof(LearningRate), $"LearningRate is {LearningRate}; use a finite number > 0, e.g. 1e-3.");
        Require(LearningRate is null || Optimizer is null, nameof(LearningRate), $"LearningRate is {LearningRate} and an Optimizer ({Optimizer}) is set, which has its own learning rate; set one of them.");
        Require(WeightDecay >= 0f && float.IsFinite(WeightDecay), nameof(WeightDecay), $"WeightDecay is {WeightDecay}; use a finite number >= 0, e.g. 5e-4.");
        Require(WeightDecay == 0f || Optimizer is not { WeightDecay: > 0f }, nameof(WeightDecay), $"Weight decay is set both here ({WeightDecay}) and on the optimizer; set it in one place.");
        Require(ValidationSetFraction is >= 0f and < 1f, nameof(ValidationSetFraction), $"ValidationSetFraction is {ValidationSetFraction}; use a share in [0, 1), e.g. 0.1, or 0 for none.");
        Require(ValidationSet is null || ValidationSetFraction == 0f, nameof(ValidationSetFraction), "Both ValidationSet and ValidationSetFraction are set; use one of them.");
        Require(EarlyStopping is null || ValidationSet is not null || ValidationSetFraction > 0f, nameof(EarlyStopping),
            "EarlyStopping watches validation metrics; set ValidationSet or ValidationSetFraction (e.g. 0.1).");
        EarlyStopping?.Validate();
        Require(Enum.IsDefined(Backend), nameof(Backend), $"Backend {Backend} is not Auto, Managed or OneDnn.");
        Require(NumberOfThreads is null or >= 1, nameof(NumberOfThreads), $"NumberOfThreads is {NumberOfThreads}; use at least 1, or null for every core.");
        Require(FrozenLayers is null || FrozenLayers.All(name => !string.IsNullOrEmpty(name)), nameof(FrozenLayers), "FrozenLayers holds an empty name; list layer names such as \"conv2d_1\".");
        Require(TrainableLayers is null || TrainableLayers.All(name => !string.IsNullOrEmpty(name)), nameof(TrainableLayers), "TrainableLayers holds an empty name; list layer names such as \"fc\".");
        Require(TrainableLayers is null || FrozenLayers is null, nameof(TrainableLayers), "Both TrainableLayers and FrozenLayers are set; name the layers to train or the layers to freeze, not both.");
        Require(ShufflePoolSize is null or >= 1, nameof(ShufflePoolSize), $"ShufflePoolSize is {ShufflePoolSize}; use at least 1 row, or null for the default.");
        Require(ScoringBatchSize >= 1, nameof(ScoringBatchSize), $"ScoringBatchSize is {ScoringBatchSize}; use at least 1, e.g. 256.");
    }

    private protected static void Require(bool condition, string option, string message)
    {
        if (!condition) throw new ArgumentException(message, option);
    }
}

/// <summary>The options shared by the two classification trainers.</summary>
public abstract class CnnClassificationTrainerOptions : CnnTrainerOptions
{
    private protected CnnClassificationTrainerOptions() { }

    /// <summary>The predicted-label column the fitted transformer adds. Default "PredictedLabel".</summary>
    public string PredictedLabelColumnName = DefaultColumnNames.PredictedLabel;

    /// <summary>
    /// A loss weight per class, indexed by class (key value - 1; binary: [negative, positive]), multiplying any example
    /// weight in the training and validation losses; null (default) weighs classes equally. Raise rare classes' weights
    /// to counter imbalance; rows of a class weighted 0 are skipped.
    /// </summary>
    public float[]? ClassWeights;

    internal override void Validate()
    {
        base.Validate();
        Require(!string.IsNullOrEmpty(PredictedLabelColumnName), nameof(PredictedLabelColumnName), "PredictedLabelColumnName is empty; use e.g. \"PredictedLabel\".");
        Require(PredictedLabelColumnName != ScoreColumnName, nameof(PredictedLabelColumnName), $"The score and predicted-label columns are both '{ScoreColumnName}'; they must differ.");
        if (ClassWeights is null) return;
        foreach (float weight in ClassWeights)
            Require(weight >= 0f && float.IsFinite(weight), nameof(ClassWeights), $"Class weight {weight} is invalid; class weights are finite numbers >= 0.");
        Require(ClassWeights.Any(w => w > 0f), nameof(ClassWeights), "Every class weight is 0, so no row would count; give the classes positive weights.");
    }
}

/// <summary>ML.NET's default column names (its DefaultColumnNames class is internal, so they are re-declared here).</summary>
internal static class DefaultColumnNames
{
    public const string Features = "Features";
    public const string Label = "Label";
    public const string Score = "Score";
    public const string Probability = "Probability";
    public const string PredictedLabel = "PredictedLabel";
}
