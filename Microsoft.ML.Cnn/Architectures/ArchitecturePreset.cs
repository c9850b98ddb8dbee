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
    // Full-size classic sequential CNNs (issue 6): ImageNet-sized inputs, see each class for the sizes it takes.
    AlexNet = 7,
    ZFNet = 8,
    Vgg11 = 9,
    Vgg13 = 10,
    Vgg16 = 11,
    Vgg19 = 12,
    Vgg11BatchNorm = 13,
    Vgg13BatchNorm = 14,
    Vgg16BatchNorm = 15,
    Vgg19BatchNorm = 16,
    MobileNetV1 = 17,
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
        ArchitecturePreset.AlexNet => AlexNet.Create(inputShape, classes, seed: seed),
        ArchitecturePreset.ZFNet => ZFNet.Create(inputShape, classes, seed: seed),
        ArchitecturePreset.Vgg11 => Vgg.Create(inputShape, classes, new VggOptions { Depth = VggDepth.Vgg11 }, seed),
        ArchitecturePreset.Vgg13 => Vgg.Create(inputShape, classes, new VggOptions { Depth = VggDepth.Vgg13 }, seed),
        ArchitecturePreset.Vgg16 => Vgg.Create(inputShape, classes, new VggOptions { Depth = VggDepth.Vgg16 }, seed),
        ArchitecturePreset.Vgg19 => Vgg.Create(inputShape, classes, new VggOptions { Depth = VggDepth.Vgg19 }, seed),
        ArchitecturePreset.Vgg11BatchNorm => Vgg.Create(inputShape, classes, new VggOptions { Depth = VggDepth.Vgg11, BatchNorm = true }, seed),
        ArchitecturePreset.Vgg13BatchNorm => Vgg.Create(inputShape, classes, new VggOptions { Depth = VggDepth.Vgg13, BatchNorm = true }, seed),
        ArchitecturePreset.Vgg16BatchNorm => Vgg.Create(inputShape, classes, new VggOptions { Depth = VggDepth.Vgg16, BatchNorm = true }, seed),
        ArchitecturePreset.Vgg19BatchNorm => Vgg.Create(inputShape, classes, new VggOptions { Depth = VggDepth.Vgg19, BatchNorm = true }, seed),
        ArchitecturePreset.MobileNetV1 => MobileNetV1.Create(inputShape, classes, seed: seed),
        ArchitecturePreset.GoogLeNet => GoogLeNet.Create(inputShape, classes, GoogLeNetOptions.Paper, seed),
        ArchitecturePreset.ResNet18 => ResNet.Create(inputShape, classes, ResNetOptions.ResNet18, seed),
        ArchitecturePreset.ResNet34 => ResNet.Create(inputShape, classes, ResNetOptions.ResNet34, seed),
        ArchitecturePreset.ResNet50 => ResNet.Create(inputShape, classes, ResNetOptions.ResNet50, seed),
        ArchitecturePreset.DenseNet121 => DenseNet.Create(inputShape, classes, DenseNetOptions.DenseNet121, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, $"Unknown preset; use one of {string.Join(", ", Enum.GetNames<ArchitecturePreset>())}."),
    };
}
