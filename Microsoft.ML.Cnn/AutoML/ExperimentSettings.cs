// The settings every Cnn AutoML experiment shares, as ML.NET's ExperimentSettings: the time and trial limits,
// cancellation, and what this library adds: the search space, the tuner, the epoch rungs, seed and backend.
using Microsoft.ML.Cnn.Backends;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>The settings shared by <see cref="MulticlassExperimentSettings"/> and <see cref="BinaryExperimentSettings"/>.</summary>
public abstract class ExperimentSettings
{
    private protected ExperimentSettings() { }

    /// <summary>
    /// The whole experiment's wall-clock limit, data preparation included. A trial still training when it passes is
    /// stopped (it keeps what it reached at an earlier rung). Default 86,400 (a day), as in ML.NET.
    /// </summary>
    public uint MaxExperimentTimeInSeconds { get; set; } = 24 * 60 * 60;

    /// <summary>
    /// The most trials (settings) to start; null (default) for no limit but time. Once all have started, promotions of
    /// the started trials continue until successive halving has none left.
    /// </summary>
    public int? MaxModels { get; set; }

    /// <summary>Stops the experiment: the trial in progress is abandoned and the result so far returned.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Seeds the tuner, the validation split and every trial; null (default) draws one from the MLContext.</summary>
    public int? Seed { get; set; }

    /// <summary>What is searched; default <c>new CnnSearchSpace()</c>. Replace options to narrow or widen it.</summary>
    public CnnSearchSpace SearchSpace { get; set; } = new();

    /// <summary>How new trials' settings are proposed. Default <see cref="TunerKind.TreeParzen"/>.</summary>
    public TunerKind Tuner { get; set; } = TunerKind.TreeParzen;

    /// <summary>The epoch rungs trials are compared at. Default rungs at 1, 3 and 9 epochs, reduction factor 3.</summary>
    public SuccessiveHalvingOptions SuccessiveHalving { get; set; } = new();

    /// <summary>The feature column: a known-size Single vector of (C, H, W) images, after the pre-featurizer. Default "Features".</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>The compute backend of every trial. Default <see cref="BackendKind.Auto"/> (oneDNN when installed).</summary>
    public BackendKind Backend { get; set; } = BackendKind.Auto;

    /// <summary>Compute threads of every trial; null (default) for every core.</summary>
    public int? NumberOfThreads { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting and how to fix it.</summary>
    internal virtual void Validate()
    {
        if (MaxExperimentTimeInSeconds < 1)
            throw new ArgumentException("MaxExperimentTimeInSeconds is 0; give the experiment at least 1 second, e.g. 600.", nameof(MaxExperimentTimeInSeconds));
        if (MaxModels is < 1) throw new ArgumentException($"MaxModels is {MaxModels}; allow at least 1 trial, or null for no limit.", nameof(MaxModels));
        if (SearchSpace is null) throw new ArgumentException("SearchSpace is null; use new CnnSearchSpace() for the default.", nameof(SearchSpace));
        SearchSpace.Validate();
        if (!Enum.IsDefined(Tuner)) throw new ArgumentException($"Tuner {Tuner} is not Random or TreeParzen.", nameof(Tuner));
        if (SuccessiveHalving is null) throw new ArgumentException("SuccessiveHalving is null; use new SuccessiveHalvingOptions() for the default.", nameof(SuccessiveHalving));
        SuccessiveHalving.Validate();
        if (string.IsNullOrEmpty(FeatureColumnName)) throw new ArgumentException("FeatureColumnName is empty; name the image column, e.g. \"Features\".", nameof(FeatureColumnName));
        if (!Enum.IsDefined(Backend)) throw new ArgumentException($"Backend {Backend} is not Auto, Managed or OneDnn.", nameof(Backend));
        if (NumberOfThreads is < 1) throw new ArgumentException($"NumberOfThreads is {NumberOfThreads}; use at least 1, or null for every core.", nameof(NumberOfThreads));
    }
}

/// <summary>The settings of a multiclass classification experiment.</summary>
public sealed class MulticlassExperimentSettings : ExperimentSettings
{
    /// <summary>The validation metric trials are ranked by. Default <see cref="MulticlassClassificationMetric.MicroAccuracy"/>.</summary>
    public MulticlassClassificationMetric OptimizingMetric { get; set; } = MulticlassClassificationMetric.MicroAccuracy;

    internal override void Validate()
    {
        base.Validate();
        if (!Enum.IsDefined(OptimizingMetric)) throw new ArgumentException($"OptimizingMetric {OptimizingMetric} is not a MulticlassClassificationMetric.", nameof(OptimizingMetric));
    }
}

/// <summary>The settings of a binary classification experiment.</summary>
public sealed class BinaryExperimentSettings : ExperimentSettings
{
    /// <summary>The validation metric trials are ranked by. Default <see cref="BinaryClassificationMetric.Accuracy"/>.</summary>
    public BinaryClassificationMetric OptimizingMetric { get; set; } = BinaryClassificationMetric.Accuracy;

    internal override void Validate()
    {
        base.Validate();
        if (!Enum.IsDefined(OptimizingMetric)) throw new ArgumentException($"OptimizingMetric {OptimizingMetric} is not a BinaryClassificationMetric.", nameof(OptimizingMetric));
    }
}
