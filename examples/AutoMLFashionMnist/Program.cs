// AutoML on Fashion-MNIST: mlContext.Auto() searches network shapes and training settings within a time budget
// (successive halving over epoch rungs, a tree-structured Parzen tuner), then the best pipeline is evaluated on the
// test set, saved as one zip and reloaded.
// Run: dotnet run -c Release --project examples/AutoMLFashionMnist [-- --seconds 600]
using System.Globalization;
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.AutoML;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Evaluation;
using Microsoft.ML.Cnn.Examples;

const string Usage = """
    Searches CNNs for Fashion-MNIST with an AutoML experiment, then evaluates the best one on the test set.
    Options:
      --seconds N        the experiment's time budget (default 600)
      --max-models N     the most trials to start (default: no limit but time)
      --max-epochs N     epochs of the last successive-halving rung (default 9: rungs at 1, 3, 9 epochs)
      --tuner tpe|random how new trials are proposed (default tpe)
      --full-space       search the library's default space instead of the one sized for a short CPU budget
      --seed N           seed of the search and of every trial (default 1)
      --data DIR         Fashion-MNIST IDX files (default /usr/share/datasets/fashion-mnist)
      --subset           search on the embedded 6,000-image subset
      --output PATH      where to save the best pipeline (default automl-fashion-mnist.zip)
      --backend auto|managed|onednn   (default auto)
      --help             show this text
    """;

MulticlassExperimentSettings settings;
string dataDirectory, modelPath;
bool useSubset;
// Ten minutes on two cores buy about sixty epochs of a mid-sized network on 54,000 images, so only a few trials can
// train for nine. This space keeps every trial's epoch to seconds (three blocks of one 3x3 convolution, 32 or 48
// first-block filters, no batches of 32: two-block networks learn fastest at first, win the early rungs and top out
// lower) and searches the rest as the default space does: batch norm, dropout, dense width, optimizer, learning rate,
// weight decay and augmentation.
var budgetSpace = new CnnSearchSpace
{
    ConvBlocks = new UniformIntOption(3, 3),
    ConvLayersPerBlock = new ChoiceOption<int>(1),
    Filters = new ChoiceOption<int>(32, 48),
    KernelSize = new ChoiceOption<int>(3),
    BatchSize = new ChoiceOption<int>(64, 128, 256),
};
try
{
    var commandLine = new CommandLine(args);
    if (commandLine.WantsHelp) { Console.WriteLine(Usage); return 0; }
    settings = new MulticlassExperimentSettings
    {
        MaxExperimentTimeInSeconds = (uint)commandLine.PositiveInt("--seconds", 600),
        MaxModels = commandLine.Text("--max-models") is null ? null : commandLine.PositiveInt("--max-models", 1),
        SuccessiveHalving = new SuccessiveHalvingOptions { MaxEpochs = commandLine.PositiveInt("--max-epochs", 9) },
        Tuner = commandLine.Text("--tuner", "tpe").ToLowerInvariant() switch
        {
            "tpe" => TunerKind.TreeParzen,
            "random" => TunerKind.Random,
            var other => throw new ArgumentException($"Unknown tuner '{other}'; use tpe or random."),
        },
        Seed = commandLine.PositiveInt("--seed", 1),
        SearchSpace = commandLine.Flag("--full-space") ? new CnnSearchSpace() : budgetSpace,
        Backend = commandLine.Backend(),
    };
    dataDirectory = commandLine.Text("--data", FashionMnist.DefaultDirectory);
    useSubset = commandLine.Flag("--subset");
    modelPath = commandLine.Text("--output", "automl-fashion-mnist.zip");
    commandLine.CheckAllKnown();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

var ml = new MLContext(seed: 1);
// The experiment's own notes (data ready, promotions that would not fit the budget); rungs reached are printed below.
ml.Log += (_, e) => { if (e.Source == "AutoML" && !e.RawMessage.Contains(" reached rung ", StringComparison.Ordinal)) Console.WriteLine($"[AutoML] {e.RawMessage}"); };
var (train, test, isSubset) = FashionMnist.LoadDataViews(ml, useSubset ? "/nonexistent" : dataDirectory, Console.WriteLine);
Console.WriteLine($"Searching for {settings.MaxExperimentTimeInSeconds} s on {train.GetRowCount():N0} images (10% held out for validation){(isSubset ? " (embedded subset)" : "")}; " +
    $"rungs at {string.Join(", ", settings.SuccessiveHalving.RungEpochs)} epochs, {settings.Tuner} tuner.");
Console.WriteLine("Search space:");
Console.WriteLine(settings.SearchSpace);
Console.WriteLine();

var experiment = ml.Auto().CreateMulticlassClassificationExperiment(settings);
var progress = new TrialProgress();
var result = experiment.Execute(train, validationFraction: 0.1, labelColumnName: "Label", progressHandler: progress);

Console.WriteLine();
Console.WriteLine($"The search ended ({result.StopReason}) after {result.ElapsedSeconds:F0} s and {result.RunDetails.Count} trials:");
Console.WriteLine(result.GetFormattedTrialTable());
var best = result.BestRun;
Console.WriteLine($"Best: trial {best.TrialId}, validation accuracy {best.ValidationMetric:P2} after {best.Epochs} epochs.");
Console.WriteLine($"  network:  {best.Settings.Architecture}");
Console.WriteLine($"  training: {best.Settings.Training}");
Console.WriteLine("  epochs:");
foreach (var epoch in best.EpochHistory) Console.WriteLine($"    {epoch}");

var metrics = ml.MulticlassClassification.Evaluate(best.Model!.Transform(test));
Console.WriteLine();
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());
Console.WriteLine($"Test accuracy of the best pipeline: {metrics.MicroAccuracy:P2} (macro {metrics.MacroAccuracy:P2}), log-loss {metrics.LogLoss:F4}.");

ml.Model.Save(best.Model, train.Schema, modelPath);
var reloaded = ml.Model.Load(modelPath, out _);
Console.WriteLine($"Saved to {Path.GetFullPath(modelPath)}; reloaded test accuracy {ml.MulticlassClassification.Evaluate(reloaded.Transform(test)).MicroAccuracy:P2}.");
return 0;

/// <summary>Prints one line each time a trial reaches a rung, fails or is abandoned (on the experiment's thread).</summary>
internal sealed class TrialProgress : IProgress<RunDetail<MulticlassClassificationMetrics>>
{
    public void Report(RunDetail<MulticlassClassificationMetrics> run) => Console.WriteLine(run.Status switch
    {
        TrialStatus.Failed => $"trial {run.TrialId,3}  failed: {run.Exception?.Message}",
        TrialStatus.TooSlow => string.Create(CultureInfo.InvariantCulture, $"trial {run.TrialId,3}  too slow for the budget, abandoned after {run.RuntimeInSeconds:F1} s  {run.Settings}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"trial {run.TrialId,3}  {run.Epochs,2} epochs  accuracy {run.ValidationMetric:P2}  {run.RuntimeInSeconds,6:F1} s  {run.Settings}"),
    });
}
