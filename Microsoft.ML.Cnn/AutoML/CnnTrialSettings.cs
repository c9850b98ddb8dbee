// One point of a CnnSearchSpace: the concrete network shape and training settings of a trial, printable, and
// usable outside the experiment (retrain the best settings longer, or on more data).
using System.Globalization;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>The settings of one trial; see <see cref="CnnSearchSpace"/> for what each means.</summary>
public sealed record CnnTrialSettings
{
    /// <summary>Convolution blocks.</summary>
    public int ConvBlocks { get; init; } = 2;

    /// <summary>Convolutions per block.</summary>
    public int ConvLayersPerBlock { get; init; } = 1;

    /// <summary>Filters of the first block (doubled by each later block).</summary>
    public int Filters { get; init; } = 32;

    /// <summary>Convolution kernel size.</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>Batch normalization after each convolution.</summary>
    public bool BatchNorm { get; init; } = true;

    /// <summary>Dropout rate before the output layer.</summary>
    public float Dropout { get; init; } = 0.25f;

    /// <summary>Units of the hidden dense layer.</summary>
    public int DenseUnits { get; init; } = 128;

    /// <summary>The update rule.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    /// <summary>The base learning rate.</summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>Rows per training step.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Weight decay: decoupled for AdamW, coupled L2 otherwise.</summary>
    public float WeightDecay { get; init; } = 1e-4f;

    /// <summary>Training-time augmentation.</summary>
    public AugmentationKind Augmentation { get; init; } = AugmentationKind.None;

    /// <summary>The filters of each block, e.g. [32, 64, 128].</summary>
    public IReadOnlyList<int> BlockFilters => Enumerable.Range(0, ConvBlocks).Select(b => Filters << b).ToArray();

    /// <summary>The network these settings describe, built for the trainer's input shape and outputs, initialized from <paramref name="seed"/>.</summary>
    public CnnArchitecture ToArchitecture(long seed) => CnnArchitecture.FromFactory((input, outputs) => TrialNetwork.Build(this, input, outputs, seed));

    /// <summary>A new optimizer of <see cref="Optimizer"/> at <see cref="LearningRate"/> (with AdamW's decoupled <see cref="WeightDecay"/>).</summary>
    public Optimizer CreateOptimizer() => Optimizer switch
    {
        OptimizerKind.Adam => new Adam(LearningRate),
        OptimizerKind.AdamW => new AdamW(LearningRate, decoupledWeightDecay: WeightDecay),
        OptimizerKind.SgdNesterov => new Sgd(LearningRate, momentum: 0.9f, nesterov: true),
        OptimizerKind.RmsProp => new RmsProp(LearningRate),
        _ => throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer, "Unknown optimizer; use a value of OptimizerKind."),
    };

    /// <summary>The coupled L2 decay a trainer adds to gradients: <see cref="WeightDecay"/>, or 0 for AdamW, which decays the weights itself.</summary>
    public float CoupledWeightDecay => Optimizer == OptimizerKind.AdamW ? 0f : WeightDecay;

    /// <summary>Compact, e.g. "conv 32-64 x2 k3 bn, dense 128, drop 0.25 | AdamW lr 1.0e-3 wd 1.0e-4, batch 128, aug flip".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Architecture} | {Training}");

    /// <summary>The network part, e.g. "conv 32-64 x2 k3 bn, dense 128, drop 0.25".</summary>
    public string Architecture => string.Create(CultureInfo.InvariantCulture,
        $"conv {string.Join("-", BlockFilters)} x{ConvLayersPerBlock} k{KernelSize}{(BatchNorm ? " bn" : "")}, dense {DenseUnits}, drop {Dropout:0.00}");

    /// <summary>The training part, e.g. "AdamW lr 1.0e-3 wd 1.0e-4, batch 128, aug flip".</summary>
    public string Training => string.Create(CultureInfo.InvariantCulture,
        $"{Optimizer} lr {LearningRate:0.0e0} wd {WeightDecay:0.0e0}, batch {BatchSize}, aug {AugmentationName}");

    private string AugmentationName => Augmentation switch
    {
        AugmentationKind.None => "none",
        AugmentationKind.HorizontalFlip => "flip",
        AugmentationKind.RandomCrop => "crop",
        AugmentationKind.HorizontalFlipAndRandomCrop => "flip+crop",
        _ => Augmentation.ToString(),
    };
}
