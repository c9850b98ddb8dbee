// The networks the benchmark times; each must match its twin in torch_bench.py layer for layer.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Benchmarks;

/// <summary>A benchmarked network: its key (shared with torch_bench.py), factory and forward FLOPs per sample.</summary>
internal sealed record BenchmarkModel(string Key, string DisplayName, Func<Network> Create)
{
    public static readonly IReadOnlyList<BenchmarkModel> All =
    [
        new("seed", "Seed CNN", () => SeedCnn.Create([1, 28, 28], 10, seed: 0)),
        new("lenet5", "LeNet-5 (ReLU, max pool)", () => LeNet5.Create([1, 28, 28], 10, LeNet5Style.Modern, seed: 0)),
    ];
}
