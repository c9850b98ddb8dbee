// Benchmark console: training and inference throughput of the library's networks beside PyTorch running the
// same networks in the same invocation. Reports medians (the machine is noisy) and ratios.
using Microsoft.ML.Cnn.Benchmarks;

var settings = BenchmarkSettings.Parse(args);
if (settings is null)
{
    Console.WriteLine("""
        Usage: dotnet run -c Release --project benchmarks -- [--threads N] [--train-steps N] [--infer-iterations N] [--models seed,lenet5] [--no-torch] [--backend managed|onednn|all]
          --threads           threads for both sides (default 2)
          --train-steps       timed training steps at batch 128 after warm-up (default 40)
          --infer-iterations  timed batch-256 inference runs (default 40; batch 1 runs 10x as many)
          --models            which networks (default: all)
          --no-torch          skip the PyTorch column
          --backend           which backend(s) of the library to time (default managed)
        """);
    return 2;
}

Console.WriteLine($"Microsoft.ML.Cnn benchmark: {settings.Threads} threads, {Environment.ProcessorCount} processors, {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}");
var models = BenchmarkModel.All.Where(m => settings.Models is null || settings.Models.Contains(m.Key)).ToArray();
var ours = new List<Measurement>();
foreach (var model in models)
    foreach (var kind in settings.Backends) ours.AddRange(Measurements.Run(model, settings, kind));

var (torch, problem) = settings.RunTorch ? TorchRunner.Run(settings, models.Select(m => m.Key)) : ([], "skipped (--no-torch)");
ReportTable.Print(ours, torch, problem);
return 0;
