// Runs torch_bench.py in the same invocation and parses its JSON lines, so both sides see the same machine load.
using System.Diagnostics;
using System.Text.Json;

namespace Microsoft.ML.Cnn.Benchmarks;

/// <summary>One PyTorch measurement: model key, "train" or "infer", batch, samples per second.</summary>
internal sealed record TorchResult(string Model, string Kind, int Batch, double SamplesPerSecond);

internal static class TorchRunner
{
    public const string Python = "/usr/bin/python3";

    /// <summary>The PyTorch figures, or an explanation of why there are none.</summary>
    public static (IReadOnlyList<TorchResult> Results, string? Problem) Run(BenchmarkSettings settings, IEnumerable<string> models)
    {
        if (!File.Exists(Python)) return ([], $"{Python} not found: install python3-torch (tools/setup.sh --with-torch) for the PyTorch column");
        string script = Path.Combine(AppContext.BaseDirectory, "torch_bench.py");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, "--threads", settings.Threads.ToString(), "--train-steps", settings.TrainSteps.ToString(),
                     "--infer-iterations", settings.InferenceIterations.ToString(), "--models", string.Join(",", models) })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var results = new List<TorchResult>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            results.Add(new TorchResult(root.GetProperty("model").GetString()!, root.GetProperty("kind").GetString()!,
                root.GetProperty("batch").GetInt32(), root.GetProperty("samples_per_second").GetDouble()));
        }
        process.WaitForExit();
        return process.ExitCode == 0 ? (results, null) : (results, $"torch_bench.py failed ({process.ExitCode}): {stderr.Result.Trim()}");
    }
}
