// Runs torch_bench.py in the same invocation and parses its JSON lines, so both sides see the same machine load.
using System.Diagnostics;
using System.Text.Json;

namespace Microsoft.ML.Cnn.Benchmarks;

/// <summary>
/// One PyTorch measurement: model key, "train" or "infer", batch, samples per second, which BLAS ran, and whether the
/// model and input were in channels_last (NHWC) memory format rather than PyTorch's default NCHW.
/// </summary>
internal sealed record TorchResult(string Model, string Kind, int Batch, double SamplesPerSecond, bool OpenBlas, bool ChannelsLast);

internal static class TorchRunner
{
    public const string Python = "/usr/bin/python3";

    /// <summary>
    /// The PyTorch figures, or an explanation of why there are none. With <paramref name="openBlasDirectory"/>, PyTorch
    /// loads OpenBLAS from there instead of the reference BLAS that Debian's python3-torch links.
    /// </summary>
    public static (IReadOnlyList<TorchResult> Results, string? Problem) Run(BenchmarkSettings settings, IEnumerable<string> models, string? openBlasDirectory = null)
    {
        if (!File.Exists(Python)) return ([], $"{Python} not found: install python3-torch (tools/setup.sh --with-torch) for the PyTorch column");
        string script = Path.Combine(AppContext.BaseDirectory, "torch_bench.py");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (openBlasDirectory is not null) start.Environment["LD_LIBRARY_PATH"] = openBlasDirectory;
        foreach (var arg in new[] { script, "--threads", settings.Threads.ToString(), "--train-steps", settings.TrainSteps.ToString(),
                     "--infer-iterations", settings.InferenceIterations.ToString(), "--full-size-steps", settings.FullSizeSteps.ToString(), "--models", string.Join(",", models) })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var results = new List<TorchResult>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            results.Add(new TorchResult(root.GetProperty("model").GetString()!, root.GetProperty("kind").GetString()!,
                root.GetProperty("batch").GetInt32(), root.GetProperty("samples_per_second").GetDouble(), openBlasDirectory is not null,
                root.GetProperty("layout").GetString() == "channels_last"));
        }
        process.WaitForExit();
        return process.ExitCode == 0 ? (results, null) : (results, $"torch_bench.py failed ({process.ExitCode}): {stderr.Result.Trim()}");
    }
}
