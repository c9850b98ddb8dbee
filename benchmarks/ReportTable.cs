// Prints the library's figures beside PyTorch's, with ratios (above 1 means the library is faster).
namespace Microsoft.ML.Cnn.Benchmarks;

internal static class ReportTable
{
    public static void Print(IReadOnlyList<Measurement> ours, IReadOnlyList<TorchResult> torch, string? torchProblem)
    {
        Console.WriteLine();
        Console.WriteLine($"{"model",-8} {"kind",-6} {"batch",5} {"backend",-8} {"samples/s",11} {"us/sample",10} {"GFLOP/s",8} {"PyTorch/s",11} {"ratio",6} {"PyT NHWC/s",11} {"ratio",6} {"PyT+OpenBLAS/s",15} {"ratio",6}");
        foreach (var m in ours)
        {
            var (reference, referenceRatio) = Twin(m, torch, openBlas: false, channelsLast: false);
            var (nhwc, nhwcRatio) = Twin(m, torch, openBlas: false, channelsLast: true);
            var (openBlas, openBlasRatio) = Twin(m, torch, openBlas: true, channelsLast: false);
            Console.WriteLine($"{m.Model,-8} {m.Kind,-6} {m.Batch,5} {m.Backend,-8} {Rate(m.SamplesPerSecond),11} {1e6 / m.SamplesPerSecond,10:F1} {m.GigaFlops,8:F1} {reference,11} {referenceRatio,6} {nhwc,11} {nhwcRatio,6} {openBlas,15} {openBlasRatio,6}");
        }
        if (torchProblem is not null) Console.WriteLine($"PyTorch: {torchProblem}");
        Console.WriteLine("Medians of per-step times after warm-up; training counts 3 forward passes of FLOPs; ratio = ours / PyTorch.");
        Console.WriteLine("PyTorch/s: default NCHW tensors; PyT NHWC/s: model and input in channels_last (full-size networks only).");
        Console.WriteLine("score: model.Transform over 8,192 in-memory rows, every Score read (batches of 256 inside Transform), beside PyTorch's batch-256 inference.");
    }

    private static (string SamplesPerSecond, string Ratio) Twin(Measurement m, IReadOnlyList<TorchResult> torch, bool openBlas, bool channelsLast)
    {
        // Pipeline scoring ("score", batches of 256 inside Transform) is compared with PyTorch's batch-256 inference.
        var (kind, batch) = m.Kind == "score" ? ("infer", BenchmarkSettings.InferenceBatch) : (m.Kind, m.Batch);
        var twin = torch.FirstOrDefault(t => t.Model == m.Model && t.Kind == kind && t.Batch == batch && t.OpenBlas == openBlas && t.ChannelsLast == channelsLast);
        return twin is null ? ("-", "-") : (Rate(twin.SamplesPerSecond), (m.SamplesPerSecond / twin.SamplesPerSecond).ToString("F2"));
    }

    /// <summary>Samples per second, with a decimal for the full-size networks' small rates.</summary>
    private static string Rate(double samplesPerSecond) => samplesPerSecond.ToString(samplesPerSecond < 100 ? "N1" : "N0");
}
