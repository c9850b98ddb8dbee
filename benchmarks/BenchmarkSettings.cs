// Command-line settings of the benchmark console.
using Microsoft.ML.Cnn.Backends;

namespace Microsoft.ML.Cnn.Benchmarks;

internal sealed record BenchmarkSettings(int Threads, int TrainSteps, int InferenceIterations, HashSet<string>? Models, bool RunTorch,
    BackendKind[] Backends, string? OpenBlasDirectory, string? CifarTestDirectory = null, bool EndToEnd = true, int FullSizeSteps = 5)
{
    /// <summary>Where tools/fetch-openblas.sh unpacks OpenBLAS, relative to the repository root.</summary>
    private const string FetchedOpenBlas = "benchmarks/.openblas/usr/lib/x86_64-linux-gnu/openblas-pthread";

    public const int TrainBatch = 128;
    public const int InferenceBatch = 256;

    /// <summary>The settings, or null when the arguments are invalid (the caller prints usage).</summary>
    public static BenchmarkSettings? Parse(string[] args)
    {
        BackendKind[] backends = Microsoft.ML.Cnn.Backends.OneDnn.Native.DnnlLibrary.Availability.IsAvailable
            ? [BackendKind.Managed, BackendKind.OneDnn] : [BackendKind.Managed];
        var settings = new BenchmarkSettings(2, 40, 40, null, true, backends, DefaultOpenBlas(), DefaultCifar());
        for (int i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--threads" when int.TryParse(Next(), out int t) && t > 0: settings = settings with { Threads = t }; break;
                case "--train-steps" when int.TryParse(Next(), out int s) && s > 0: settings = settings with { TrainSteps = s }; break;
                case "--infer-iterations" when int.TryParse(Next(), out int n) && n > 0: settings = settings with { InferenceIterations = n }; break;
                case "--models" when Next() is { } list: settings = settings with { Models = list.Split(',').ToHashSet() }; break;
                case "--full-size-steps" when int.TryParse(Next(), out int f) && f > 0: settings = settings with { FullSizeSteps = f }; break;
                case "--no-torch": settings = settings with { RunTorch = false }; break;
                case "--backend" when ParseBackends(Next()) is { } chosen: settings = settings with { Backends = chosen }; break;
                case "--cifar" when Next() is { } cifar: settings = settings with { CifarTestDirectory = Path.GetFullPath(cifar) }; break;
                case "--no-end-to-end": settings = settings with { EndToEnd = false }; break;
                case "--openblas" when Next() is { } directory && Directory.Exists(directory): settings = settings with { OpenBlasDirectory = Path.GetFullPath(directory) }; break;
                default: return null;
            }
        }
        return settings;
    }

    private static string? DefaultOpenBlas()
    {
        // Run from the repository root (dotnet run --project benchmarks) or from the build output folder.
        foreach (var root in new[] { Environment.CurrentDirectory, Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..") })
        {
            string candidate = Path.GetFullPath(Path.Combine(root, FetchedOpenBlas));
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The shared CIFAR-10 test folder beside the repository, when present.</summary>
    private static string? DefaultCifar()
    {
        foreach (var root in new[] { Environment.CurrentDirectory, Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..") })
        {
            string candidate = Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets", "cifar10", "test"));
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static BackendKind[]? ParseBackends(string? value) => value switch
    {
        "managed" => [BackendKind.Managed],
        "onednn" => [BackendKind.OneDnn],
        "all" => [BackendKind.Managed, BackendKind.OneDnn],
        _ => null,
    };
}
