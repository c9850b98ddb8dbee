// Benchmark console: training and inference throughput of the library's networks beside PyTorch running the
// same networks in the same invocation, plus batch scoring through the ML.NET-shaped pipeline (Transform). Reports
// medians (the machine is noisy) and ratios.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Benchmarks;

var settings = BenchmarkSettings.Parse(args);
if (settings is null)
{
    Console.WriteLine("""
        Usage: dotnet run -c Release --project benchmarks -- [--threads N] [--train-steps N] [--infer-iterations N] [--models seed,lenet5,resnet18,vgg11] [--no-torch] [--backend managed|onednn|all]
          --threads           threads for both sides (default 2)
          --train-steps       timed training steps at batch 128 after warm-up (default 40)
          --infer-iterations  timed batch-256 inference runs (default 40; batch 1 runs 10x as many)
          --full-size-steps   timed training steps and forward passes of resnet18 and vgg11 (224x224, batch 16; default 5)
          --models            which networks (default: all)
          --no-torch          skip the PyTorch column
          --backend           which backend(s) of the library to time (default managed)
          --openblas DIR      also run PyTorch with OpenBLAS from DIR (default: benchmarks/.openblas/..., made by tools/fetch-openblas.sh)
          --cifar DIR         CIFAR-10 test folder (class subfolders of JPEGs) for end-to-end scoring (default ../shared/datasets/cifar10/test)
          --no-end-to-end     skip end-to-end scoring (Fashion-MNIST IDX and CIFAR-10 JPEGs through the pipeline)
        """);
    return 2;
}

Console.WriteLine($"Microsoft.ML.Cnn benchmark: {settings.Threads} threads, {Environment.ProcessorCount} processors, {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}");
var models = BenchmarkModel.All.Where(m => settings.Models is null || settings.Models.Contains(m.Key)).ToArray();
var ours = new List<Measurement>();
foreach (var model in models)
    foreach (var kind in settings.Backends)
    {
        ours.AddRange(Measurements.Run(model, settings, kind));
        if (!model.IsFullSize) ours.Add(PipelineScoring.Run(model, settings, kind));
    }

var torch = new List<TorchResult>();
string? problem = "skipped (--no-torch)";
if (settings.RunTorch)
{
    (var reference, problem) = TorchRunner.Run(settings, models.Select(m => m.Key));
    torch.AddRange(reference);
    if (settings.OpenBlasDirectory is { } openBlas)
    {
        var (withOpenBlas, openBlasProblem) = TorchRunner.Run(settings, models.Select(m => m.Key), openBlas);
        torch.AddRange(withOpenBlas);
        problem ??= openBlasProblem;
    }
    else problem ??= "OpenBLAS column skipped: run tools/fetch-openblas.sh or pass --openblas DIR";
}
ReportTable.Print(ours, torch, problem);
if (settings.Backends.Contains(BackendKind.OneDnn) || settings.Backends.Contains(BackendKind.Auto))
    PeakMeasurement.Print(settings.Threads);
if (settings.EndToEnd) EndToEndScoring.Print(settings, settings.Backends[^1]);
return 0;
