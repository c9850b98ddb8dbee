// The ready-made architectures by enum, for command lines and AutoML search spaces.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>A ready-made architecture. Values are pinned (they may be stored in experiment configs).</summary>
public enum ArchitecturePreset : byte
{
    SeedCnn = 0,
    SeedCnnBatchNorm = 1,
    LeNet5Classic = 2,
    LeNet5Modern = 3,
    SmallVgg = 4,
    SmallResNet = 5,
    SmallMobileNet = 6,
    // Full-size branching presets with torchvision's layer names (issue 6).
    /// <summary>GoogLeNet as published (<see cref="GoogLeNetOptions.Paper"/>); use <see cref="GoogLeNet.Create"/> with <see cref="GoogLeNetOptions.Torchvision"/> for torchvision's weights.</summary>
    GoogLeNet = 18,
    ResNet18 = 19,
    ResNet34 = 20,
    ResNet50 = 21,
    DenseNet121 = 22,
}

/// <summary>Builds a preset with its default options.</summary>
public static class ArchitectureCatalog
{
    /// <summary>The network for <paramref name="preset"/>, e.g. <c>Create(ArchitecturePreset.SeedCnn, [1, 28, 28], 10)</c>.</summary>
    public static Network Create(ArchitecturePreset preset, int[] inputShape, int classes, long seed = 0) => preset switch
    {
        ArchitecturePreset.SeedCnn => SeedCnn.Create(inputShape, classes, seed),
        ArchitecturePreset.SeedCnnBatchNorm => SeedCnnBatchNorm.Create(inputShape, classes, seed: seed),
        ArchitecturePreset.LeNet5Classic => LeNet5.Create(inputShape, classes, LeNet5Style.Classic, seed),
        ArchitecturePreset.LeNet5Modern => LeNet5.Create(inputShape, classes, LeNet5Style.Modern, seed),
        ArchitecturePreset.SmallVgg => SmallVgg.Create(inputShape, classes, seed: seed),
        ArchitecturePreset.SmallResNet => SmallResNet.Create(inputShape, classes, seed: seed),
        ArchitecturePreset.SmallMobileNet => SmallMobileNet.Create(inputShape, classes, seed),
        ArchitecturePreset.GoogLeNet => GoogLeNet.Create(inputShape, classes, GoogLeNetOptions.Paper, seed),
        ArchitecturePreset.ResNet18 => ResNet.Create(inputShape, classes, ResNetOptions.ResNet18, seed),
        ArchitecturePreset.ResNet34 => ResNet.Create(inputShape, classes, ResNetOptions.ResNet34, seed),
        ArchitecturePreset.ResNet50 => ResNet.Create(inputShape, classes, ResNetOptions.ResNet50, seed),
        ArchitecturePreset.DenseNet121 => DenseNet.Create(inputShape, classes, DenseNetOptions.DenseNet121, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, $"Unknown preset; use one of {string.Join(", ", Enum.GetNames<ArchitecturePreset>())}."),
    };
}
