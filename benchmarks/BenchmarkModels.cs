// The networks the benchmark times; each must match its twin in torch_bench.py layer for layer.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Benchmarks;

/// <summary>
/// A benchmarked network: its key (shared with torch_bench.py), factory, training batch and inference batches.
/// Full-size ImageNet networks (<see cref="IsFullSize"/>) run fewer timed steps and skip pipeline scoring, whose
/// 8,192 in-memory rows would need gigabytes at 224x224x3.
/// </summary>
internal sealed record BenchmarkModel(string Key, string DisplayName, Func<Network> Create, int TrainBatch, int[] InferenceBatches, bool IsFullSize)
{
    private static readonly int[] SmallInferenceBatches = [BenchmarkSettings.InferenceBatch, 1];

    public static readonly IReadOnlyList<BenchmarkModel> All =
    [
        new("seed", "Seed CNN", () => SeedCnn.Create([1, 28, 28], 10, seed: 0), BenchmarkSettings.TrainBatch, SmallInferenceBatches, false),
        new("lenet5", "LeNet-5 (ReLU, max pool)", () => LeNet5.Create([1, 28, 28], 10, LeNet5Style.Modern, seed: 0), BenchmarkSettings.TrainBatch, SmallInferenceBatches, false),
        // The full-size pair: batch 16 at 224x224x3 for both training steps and forward passes, 1000 classes.
        new("resnet18", "ResNet-18 (224x224)", () => ArchitectureCatalog.Create(ArchitecturePreset.ResNet18, [3, 224, 224], 1000, seed: 0), 16, [16], true),
        new("vgg11", "VGG-11 (224x224)", () => ArchitectureCatalog.Create(ArchitecturePreset.Vgg11, [3, 224, 224], 1000, seed: 0), 16, [16], true),
    ];
}
