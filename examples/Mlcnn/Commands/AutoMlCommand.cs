// `mlcnn automl`: searches network shapes and training settings for a labelled data set within a time budget
// (ml.Auto(): successive halving over epoch rungs, a tuner), then saves the best pipeline and writes its report.
using System.CommandLine;
using System.Globalization;
using Microsoft.ML.Cnn.AutoML;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Evaluation;
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;
using Microsoft.ML.Cnn.Mlcnn.Reports;
using Microsoft.ML.Cnn.Mlcnn.Terminal;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Transforms.Image;

namespace Microsoft.ML.Cnn.Mlcnn.Commands;

/// <summary>Defines and runs <c>mlcnn automl</c>.</summary>
internal static class AutoMlCommand
{
    public static Command Create(CommandConsole console)
    {
        var data = DataOptions.Create("data", "The training data", required: true);
        var test = DataOptions.Create("test", "Test data, evaluated with the best model after the search", required: false);
        var seconds = new Option<uint>("--seconds") { Description = "The search's time budget.", DefaultValueFactory = _ => 600 };
        var maxModels = new Option<int?>("--max-models") { Description = "The most trials to start [default: as many as the time allows]." };
        var maxEpochs = new Option<int>("--max-epochs") { Description = "Epochs of the last successive-halving rung (rungs at 1, 3, 9 ... epochs, a third promoted each time).", DefaultValueFactory = _ => 9 };
        var tuner = new Option<TunerKind>("--tuner") { Description = "How new trials are proposed.", DefaultValueFactory = _ => TunerKind.TreeParzen };
        var validation = new Option<float>("--validation-fraction") { Description = "Share of the training data held out (stratified) to compare trials on.", DefaultValueFactory = _ => 0.1f };
        var seed = new Option<int>("--seed") { Description = "Seed of the validation split, the search and every trial.", DefaultValueFactory = _ => 1 };
        var backend = new Option<BackendKind>("--backend") { Description = "Compute backend (Auto: oneDNN when installed, else managed).", DefaultValueFactory = _ => BackendKind.Auto };
        var threads = new Option<int?>("--threads") { Description = "Compute threads [default: every core]." };
        var imageSize = new Option<string?>("--image-size") { Description = $"Image files are resized to N x N or WxH pixels [default: {ImageSettings.DefaultSize}]." };
        var grayscale = new Option<bool>("--grayscale") { Description = "Use one luminance channel instead of RGB (image files)." };
        var skipInvalid = new Option<bool>("--skip-invalid-images") { Description = "Drop rows whose image cannot be decoded (with a warning) instead of failing." };
        var output = new Option<string>("--output", "-o") { Description = "The best model's zip.", DefaultValueFactory = _ => "automl.zip" };
        var report = new Option<string?>("--report") { Description = "The HTML report to write [default: the model path with .html]." };

        var command = new Command("automl", "Search CNN architectures and training settings within a time budget; writes the best model zip and an HTML report.");
        data.AddTo(command);
        test.AddTo(command);
        foreach (Option option in new Option[] { seconds, maxModels, maxEpochs, tuner, validation, seed, backend, threads, imageSize, grayscale, skipInvalid, output, report })
            command.Add(option);
        command.SetAction(result => CommandRunner.Run(console, "automl", () =>
        {
            var search = new SearchRequest(data.Resolve(result)!, test.Resolve(result), result.GetValue(seconds), result.GetValue(maxModels), result.GetValue(maxEpochs),
                result.GetValue(tuner), result.GetValue(validation), result.GetValue(seed), result.GetValue(backend), result.GetValue(threads),
                result.GetValue(imageSize), result.GetValue(grayscale), result.GetValue(skipInvalid));
            string model = result.GetValue(output)!;
            return Execute(console, search, model, result.GetValue(report) ?? Path.ChangeExtension(model, ".html"));
        }));
        return command;
    }

    /// <summary>What the command line asked for.</summary>
    private sealed record SearchRequest(DataSource Train, DataSource? Test, uint Seconds, int? MaxModels, int MaxEpochs, TunerKind Tuner,
        float ValidationFraction, int Seed, BackendKind Backend, int? Threads, string? ImageSize, bool Grayscale, bool SkipInvalidImages);

    private static ExitCode Execute(CommandConsole console, SearchRequest request, string modelPath, string reportPath)
    {
        if (request.Seconds == 0) throw new UsageException("--seconds 0: give the search some time, e.g. 600.");
        if (request.MaxModels is < 1) throw new UsageException($"--max-models {request.MaxModels}: start at least 1 trial.");
        if (request.MaxEpochs < 1) throw new UsageException($"--max-epochs {request.MaxEpochs}: use at least 1.");
        if (request.ValidationFraction is <= 0f or >= 1f) throw new UsageException($"--validation-fraction {request.ValidationFraction}: trials are compared on held-out rows; use a share in (0, 1), e.g. 0.1.");
        if (request.Threads is < 1) throw new UsageException($"--threads {request.Threads}: use at least 1.");
        if (request.Test is { } t && t.HasImagePaths != request.Train.HasImagePaths)
            throw new UsageException($"--data is {request.Train} but --test is {t}; test data must be of the same kind (image files, or IDX pixels).");
        var image = ImageSettings.For(request.Train, request.ImageSize, request.Grayscale);
        var settings = new MulticlassExperimentSettings
        {
            MaxExperimentTimeInSeconds = request.Seconds, MaxModels = request.MaxModels, Tuner = request.Tuner, Seed = request.Seed,
            SuccessiveHalving = new SuccessiveHalvingOptions { MaxEpochs = request.MaxEpochs }, Backend = request.Backend, NumberOfThreads = request.Threads,
        };

        var ml = DataOptions.CreateContext(console, request.Seed);
        var say = DataOptions.OnceEach(console);
        var train = LabelledData.Load(ml, request.Train, say);
        var test = request.Test is null ? null : LabelledData.Load(ml, request.Test, say);
        // The validation rows are split off here (not inside the experiment) so the report can show the best model's mistakes on them.
        var split = ml.Data.TrainTestSplit(train.View, request.ValidationFraction, seed: request.Seed, stratificationColumnName: LabelledData.LabelColumn);
        var invalidImages = request.SkipInvalidImages ? InvalidImageHandling.SkipRow : InvalidImageHandling.Fail;
        var featurizer = image is null ? null : PipelineSteps.ImagePreprocessing(ml, image, invalidImages);
        console.WriteLine($"Searching for {request.Seconds} s on {train.View.GetRowCount():N0} rows of {request.Train}{(image is null ? "" : $" at {image}")} " +
            $"({TextFormats.Percent(request.ValidationFraction, 0)} held out to compare trials); rungs at {string.Join(", ", settings.SuccessiveHalving.RungEpochs)} epochs, {request.Tuner} tuner.");

        var experiment = ml.Auto().CreateMulticlassClassificationExperiment(settings);
        var result = ImageFailureHint.Run(request.Train.HasImagePaths, request.SkipInvalidImages, () =>
            experiment.Execute(split.TrainSet, split.TestSet, LabelledData.LabelColumn, featurizer, new TrialLines(console)));
        var best = result.BestRun;
        console.WriteLine($"The search ended ({result.StopReason}) after {result.ElapsedSeconds.ToString("F0", CultureInfo.InvariantCulture)} s and {result.RunDetails.Count} trial rungs:");
        console.WriteLine(result.GetFormattedTrialTable());
        console.WriteLine($"Best: trial {best.TrialId}, validation {result.MetricName} {TextFormats.Percent(best.ValidationMetric, 2)} after {best.Epochs} epochs; " +
            $"network {best.Settings.Architecture}; training {best.Settings.Training}.");

        // The experiment's pipeline ends at the trainer; class names are added as `mlcnn train` adds them.
        var model = new TransformerChain<ITransformer>([.. PipelineSteps.Flatten(best.Model!),
            PipelineSteps.ClassNames(ml).Fit(best.Model!.Transform(split.TrainSet))]);
        OutputFiles.CreateFolderOf(modelPath);
        ml.Model.Save(model, train.View.Schema, modelPath);
        var evaluated = test?.View ?? split.TestSet;
        var evaluation = ImageFailureHint.Run(request.Train.HasImagePaths, request.SkipInvalidImages,
            () => ModelEvaluation.Evaluate(ml, model, evaluated, test is null ? "validation rows" : "test data"));
        MetricsPrinter.Print(console, evaluation);

        var facts = new List<(string, string)>
        {
            ("training data", $"{request.Train} ({train.View.GetRowCount():N0} rows, {TextFormats.Percent(request.ValidationFraction, 0)} held out for validation)"),
            ("test data", request.Test is null ? "none" : $"{request.Test} ({test!.View.GetRowCount():N0} rows)"),
            ("input", image is null ? "IDX pixels at their own size, scaled to [0, 1]" : $"{image}, pixels scaled to [0, 1], normalized per channel"),
            ("search", $"{request.Seconds} s budget, {request.Tuner} tuner, rungs at {string.Join(", ", result.RungEpochs)} epochs, seed {request.Seed}; ended {result.StopReason} after {result.ElapsedSeconds.ToString("F0", CultureInfo.InvariantCulture)} s"),
            ("best trial", $"trial {best.TrialId}: validation {result.MetricName} {TextFormats.Percent(best.ValidationMetric, 2)} after {best.Epochs} epochs"),
            ("best network", best.Settings.Architecture),
            ("best training", best.Settings.Training),
            ("model", Path.GetFullPath(modelPath)),
        };
        var scorer = model.OfType<CnnMulticlassPredictionTransformer>().Single();
        OutputFiles.CreateFolderOf(reportPath);
        HtmlReport.Write(reportPath, new ReportContent($"mlcnn automl: {Path.GetFileName(modelPath)}", facts, best.EpochHistory, evaluation, scorer.Network.Summary().ToString())
        {
            CurvesNote = $"The best trial's epochs ({best.Epochs}), across its successive-halving rungs.",
            Appendix = ("Trials", result.GetFormattedTrialTable()),
        });
        console.WriteLine($"Wrote the model to {Path.GetFullPath(modelPath)} and the report to {Path.GetFullPath(reportPath)}.");
        return ExitCode.Ok;
    }

    /// <summary>One line each time a trial reaches a rung, fails or is abandoned (on the experiment's thread).</summary>
    private sealed class TrialLines(CommandConsole console) : IProgress<RunDetail<MulticlassClassificationMetrics>>
    {
        public void Report(RunDetail<MulticlassClassificationMetrics> run) => console.WriteLine(run.Status switch
        {
            TrialStatus.Failed => $"trial {run.TrialId,3}  failed: {run.Exception?.Message}",
            TrialStatus.TooSlow => string.Create(CultureInfo.InvariantCulture, $"trial {run.TrialId,3}  too slow for the budget, abandoned after {run.RuntimeInSeconds:F1} s  {run.Settings}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"trial {run.TrialId,3}  {run.Epochs,2} epochs  {TextFormats.Percent(run.ValidationMetric, 2),7}  {run.RuntimeInSeconds,6:F1} s  {run.Settings}"),
        });
    }
}
