// What an AutoML experiment searches: the network's shape and the training settings, each a typed search option
// (ranges, log ranges, choices), declared in code (no attributes, no reflection, no names as strings).
using System.Text;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>
/// The search space of a Cnn experiment. The network is a stack of <see cref="ConvBlocks"/> blocks, block b having
/// <see cref="ConvLayersPerBlock"/> "same" convolutions of <see cref="Filters"/> × 2^b filters and size
/// <see cref="KernelSize"/> (each followed by batch norm when <see cref="BatchNorm"/> is on, then ReLU) and a 2×2 max
/// pool; then flatten, a ReLU dense layer of <see cref="DenseUnits"/>, dropout at rate <see cref="Dropout"/> and the
/// output layer. Training: <see cref="Optimizer"/> at <see cref="LearningRate"/> (cosine-decayed over each stretch of
/// epochs), <see cref="BatchSize"/>, <see cref="WeightDecay"/>, <see cref="Augmentation"/>.
/// </summary>
/// <example>A narrower search: replace the options to change, keep the defaults of the others.
/// <code>
/// var space = new CnnSearchSpace
/// {
///     ConvBlocks = new UniformIntOption(1, 2),
///     Optimizer = new ChoiceOption&lt;OptimizerKind&gt;(OptimizerKind.AdamW),          // fixed
///     Augmentation = new ChoiceOption&lt;AugmentationKind&gt;(AugmentationKind.None, AugmentationKind.RandomCrop),
/// };
/// var settings = new MulticlassExperimentSettings { SearchSpace = space, MaxExperimentTimeInSeconds = 600 };
/// </code></example>
public sealed record CnnSearchSpace
{
    /// <summary>
    /// Convolution blocks, each ending in a 2×2 max pool (skipped once the image is 1 pixel). Default [2, 3]: one block
    /// learns fastest, so it wins the one-epoch first rung, but it tops out lower.
    /// </summary>
    public UniformIntOption ConvBlocks { get; init; } = new(2, 3);

    /// <summary>Convolutions per block. Default {1, 2}.</summary>
    public ChoiceOption<int> ConvLayersPerBlock { get; init; } = new(1, 2);

    /// <summary>Filters of the first block's convolutions; each later block doubles them. Default {16, 32, 64}.</summary>
    public ChoiceOption<int> Filters { get; init; } = new(16, 32, 64);

    /// <summary>Convolution kernel size (square, odd). Default {3, 5}.</summary>
    public ChoiceOption<int> KernelSize { get; init; } = new(3, 5);

    /// <summary>Batch normalization after each convolution (which then has no bias). Default on or off.</summary>
    public ChoiceOption<bool> BatchNorm { get; init; } = ChoiceOption.Boolean();

    /// <summary>Dropout rate before the output layer, in [0, 1). Default [0, 0.5].</summary>
    public UniformSingleOption Dropout { get; init; } = new(0f, 0.5f);

    /// <summary>Units of the hidden dense layer. Default {64, 128, 256}.</summary>
    public ChoiceOption<int> DenseUnits { get; init; } = new(64, 128, 256);

    /// <summary>The update rule. Default {Adam, AdamW}.</summary>
    public ChoiceOption<OptimizerKind> Optimizer { get; init; } = new(OptimizerKind.Adam, OptimizerKind.AdamW);

    /// <summary>The base learning rate. Default [1e-4, 1e-2], log-uniform.</summary>
    public UniformSingleOption LearningRate { get; init; } = new(1e-4f, 1e-2f, logBase: true);

    /// <summary>Rows per training step. Default {32, 64, 128, 256}.</summary>
    public ChoiceOption<int> BatchSize { get; init; } = new(32, 64, 128, 256);

    /// <summary>Weight decay: decoupled for AdamW, coupled L2 otherwise. Default [1e-5, 1e-2], log-uniform.</summary>
    public UniformSingleOption WeightDecay { get; init; } = new(1e-5f, 1e-2f, logBase: true);

    /// <summary>Training-time augmentation. Default: none, flips, crops, or both.</summary>
    public ChoiceOption<AugmentationKind> Augmentation { get; init; } = new(
        AugmentationKind.None, AugmentationKind.HorizontalFlip, AugmentationKind.RandomCrop, AugmentationKind.HorizontalFlipAndRandomCrop);

    /// <summary>The options in the order tuners see them, one coordinate each.</summary>
    internal IReadOnlyList<ISearchDimension> Dimensions
    {
        get
        {
            var dimensions = new List<ISearchDimension>();
            Decode(dimension => { dimensions.Add(dimension); return 0.0; });
            return dimensions;
        }
    }

    /// <summary>The settings at <paramref name="point"/>, one coordinate in [0, 1) per dimension, in <see cref="Dimensions"/> order.</summary>
    internal CnnTrialSettings Decode(IReadOnlyList<double> point)
    {
        int count = Dimensions.Count;
        if (point.Count != count) throw new ArgumentException($"The point has {point.Count} coordinates; the search space has {count} dimensions.", nameof(point));
        int next = 0;
        return Decode(_ => point[next++]);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming an option that is missing or cannot build a network.</summary>
    internal void Validate()
    {
        Require(ConvBlocks, nameof(ConvBlocks));
        Require(ConvLayersPerBlock, nameof(ConvLayersPerBlock));
        Require(Filters, nameof(Filters));
        Require(KernelSize, nameof(KernelSize));
        Require(BatchNorm, nameof(BatchNorm));
        Require(Dropout, nameof(Dropout));
        Require(DenseUnits, nameof(DenseUnits));
        Require(Optimizer, nameof(Optimizer));
        Require(LearningRate, nameof(LearningRate));
        Require(BatchSize, nameof(BatchSize));
        Require(WeightDecay, nameof(WeightDecay));
        Require(Augmentation, nameof(Augmentation));
        Check(ConvBlocks.Min >= 1 && ConvBlocks.Max <= 8, nameof(ConvBlocks), $"ConvBlocks {ConvBlocks} must lie in [1, 8].");
        Check(ConvLayersPerBlock.Values.All(n => n is >= 1 and <= 4), nameof(ConvLayersPerBlock), $"ConvLayersPerBlock {ConvLayersPerBlock} must lie in [1, 4].");
        Check(Filters.Values.All(n => n is >= 1 and <= 1024), nameof(Filters), $"Filters {Filters} must lie in [1, 1024].");
        Check(KernelSize.Values.All(k => k is >= 1 and <= 11 && k % 2 == 1), nameof(KernelSize), $"KernelSize {KernelSize} must hold odd sizes in [1, 11] (\"same\" padding needs odd kernels).");
        Check(Dropout.Min >= 0f && Dropout.Max < 1f, nameof(Dropout), $"Dropout {Dropout} must lie in [0, 1).");
        Check(DenseUnits.Values.All(n => n is >= 1 and <= 65536), nameof(DenseUnits), $"DenseUnits {DenseUnits} must lie in [1, 65536].");
        Check(Optimizer.Values.All(Enum.IsDefined), nameof(Optimizer), $"Optimizer {Optimizer} holds an undefined value.");
        Check(LearningRate.Min > 0f, nameof(LearningRate), $"LearningRate {LearningRate} must be above 0.");
        Check(BatchSize.Values.All(n => n >= 1), nameof(BatchSize), $"BatchSize {BatchSize} must hold sizes of at least 1.");
        Check(WeightDecay.Min >= 0f, nameof(WeightDecay), $"WeightDecay {WeightDecay} must be at least 0.");
        Check(Augmentation.Values.All(Enum.IsDefined), nameof(Augmentation), $"Augmentation {Augmentation} holds an undefined value.");
    }

    /// <summary>Every option and its values, one per line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        void Line(string name, object option) => text.Append(name).Append(": ").Append(option).AppendLine();
        Line(nameof(ConvBlocks), ConvBlocks);
        Line(nameof(ConvLayersPerBlock), ConvLayersPerBlock);
        Line(nameof(Filters), Filters);
        Line(nameof(KernelSize), KernelSize);
        Line(nameof(BatchNorm), BatchNorm);
        Line(nameof(Dropout), Dropout);
        Line(nameof(DenseUnits), DenseUnits);
        Line(nameof(Optimizer), Optimizer);
        Line(nameof(LearningRate), LearningRate);
        Line(nameof(BatchSize), BatchSize);
        Line(nameof(WeightDecay), WeightDecay);
        Line(nameof(Augmentation), Augmentation);
        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// The one place that lists the options in order: each is decoded from the coordinate <paramref name="coordinate"/>
    /// gives it, so <see cref="Dimensions"/> and <see cref="Decode(IReadOnlyList{double})"/> cannot disagree.
    /// </summary>
    private CnnTrialSettings Decode(Func<ISearchDimension, double> coordinate)
    {
        T Next<T>(SearchOption<T> option) => option.Decode(coordinate(option));
        return new CnnTrialSettings
        {
            ConvBlocks = Next(ConvBlocks),
            ConvLayersPerBlock = Next(ConvLayersPerBlock),
            Filters = Next(Filters),
            KernelSize = Next(KernelSize),
            BatchNorm = Next(BatchNorm),
            Dropout = Next(Dropout),
            DenseUnits = Next(DenseUnits),
            Optimizer = Next(Optimizer),
            LearningRate = Next(LearningRate),
            BatchSize = Next(BatchSize),
            WeightDecay = Next(WeightDecay),
            Augmentation = Next(Augmentation),
        };
    }

    private static void Require(object? option, string name)
    {
        if (option is null) throw new ArgumentException($"The search space's {name} is null; give it an option (e.g. a ChoiceOption with one value to fix it).", name);
    }

    private static void Check(bool condition, string name, string message)
    {
        if (!condition) throw new ArgumentException($"{message} Change the search space's {name}.", name);
    }
}
