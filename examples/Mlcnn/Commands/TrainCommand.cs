// `mlcnn train`: a labelled data set and an architecture in; the fitted pipeline (model zip) and an HTML report out.
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Mlcnn.Networks;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;
using Microsoft.ML.Cnn.Mlcnn.Reports;
using Microsoft.ML.Cnn.Mlcnn.Terminal;
using Microsoft.ML.Cnn.Transforms.Image;

namespace Microsoft.ML.Cnn.Mlcnn.Commands;

/// <summary>Defines and runs <c>mlcnn train</c>.</summary>
internal static class TrainCommand
{
    public static Command Create(CommandConsole console)
    {
        var data = DataOptions.Create("data", "The training data", required: true);
        var test = DataOptions.Create("test", "Test data, evaluated after training (and used as validation data when --validation-fraction is 0)", required: false);
        var architecture = new Option<string>("--architecture", "-a") { Description = $"A preset ({ArchitectureChoice.PresetNames}) or an architecture JSON file.", DefaultValueFactory = _ => "SeedCnn" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch-size") { Description = "Images per training step.", DefaultValueFactory = _ => 32 };
        var optimizer = new Option<OptimizerKind>("--optimizer") { Description = "The update rule.", DefaultValueFactory = _ => OptimizerKind.Adam };
        var rate = new Option<float?>("--learning-rate", "--lr") { Description = "The (initial) learning rate [default: 0.001; SGD 0.01]." };
        var momentum = new Option<float>("--momentum") { Description = "SGD momentum.", DefaultValueFactory = _ => 0.9f };
        var schedule = new Option<ScheduleKind>("--schedule") { Description = "Learning rate per epoch: constant, cosine (to 1% of the rate), step (x0.1 every third of the epochs), exponential (x0.9 per epoch), plateau (x0.1 after 2 epochs without validation improvement).", DefaultValueFactory = _ => ScheduleKind.Constant };
        var warmup = new Option<int>("--warmup-epochs") { Description = "Linear warm-up epochs before the cosine schedule." };
        var decay = new Option<float>("--weight-decay") { Description = "Weight decay (decoupled for AdamW, L2 otherwise)." };
        var validation = new Option<float>("--validation-fraction") { Description = "Share of the training data held out (stratified) for per-epoch validation, e.g. 0.1." };
        var earlyStopping = new Option<int>("--early-stopping") { Description = "Stop after this many epochs without validation-loss improvement and keep the best weights; 0 for never." };
        var flip = new Option<bool>("--flip") { Description = "Augment: mirror training images left-right at random." };
        var crop = new Option<int>("--crop") { Description = "Augment: pad training images by this many pixels and crop back at a random position." };
        var translate = new Option<float>("--translate") { Description = "Augment: shift training images by up to this fraction of their size." };
        var seed = new Option<int>("--seed") { Description = "Seed of the weights, the row order, the validation split and augmentation.", DefaultValueFactory = _ => 1 };
        var backend = new Option<BackendKind>("--backend") { Description = "Compute backend (Auto: oneDNN when installed, else managed).", DefaultValueFactory = _ => BackendKind.Auto };
        var threads = new Option<int?>("--threads") { Description = "Compute threads [default: every core]." };
        var imageSize = new Option<string?>("--image-size") { Description = $"Image files are resized to N x N or WxH pixels [default: {ImageSettings.DefaultSize}]." };
        var grayscale = new Option<bool>("--grayscale") { Description = "Use one luminance channel instead of RGB (image files)." };
        var skipInvalid = new Option<bool>("--skip-invalid-images") { Description = "Drop rows whose image cannot be decoded (with a warning) instead of failing." };
        var output = new Option<string>("--output", "-o") { Description = "The model zip to write.", DefaultValueFactory = _ => "model.zip" };
        var report = new Option<string?>("--report") { Description = "The HTML report to write [default: the model path with .html]." };
        var normalize = new Option<ImageNormalization?>("--normalize") { Description = "Image files: normalize channels with statistics fitted on the training images, or with torchvision's ImageNet mean and std (what pretrained torchvision weights expect; RGB only) [default: Fitted]." };
        var weights = new Option<string?>("--weights") { HelpName = "FILE.safetensors",  Description = "Start from these PyTorch weights (.safetensors; tools/export_safetensors.py converts torchvision models and .pth files), matched by torchvision's names once the network is built for the data. Tensors whose shape differs, e.g. a 1000-class head, keep fresh values." };
        var stripPrefix = new Option<string?>("--weights-strip-prefix") { HelpName = "PREFIX",  Description = "Remove this prefix from the weights' tensor names first, e.g. 'module.'." };
        var trainOnly = new Option<string?>("--train-only") { HelpName = "LAYER[,LAYER...]",  Description = "Freeze every layer except these, e.g. fc or layer4,fc: layer names or module paths (a module selects every layer under it, as in PyTorch)." };
        var freezeUpTo = new Option<string?>("--freeze-up-to") { HelpName = "LAYER",  Description = "Freeze this layer or module and everything before it, e.g. layer3; train the rest." };

        var command = new Command("train", "Train a CNN image classifier; writes the model zip and an HTML report.");
        data.AddTo(command);
        test.AddTo(command);
        foreach (Option option in new Option[] { architecture, epochs, batch, optimizer, rate, momentum, schedule, warmup, decay, validation, earlyStopping,
            flip, crop, translate, seed, backend, threads, imageSize, grayscale, normalize, skipInvalid, weights, stripPrefix, trainOnly, freezeUpTo, output, report })
            command.Add(option);
        command.SetAction(result => CommandRunner.Run(console, "train", () =>
        {
            var settings = new TrainingSettings
            {
                Epochs = result.GetValue(epochs), BatchSize = result.GetValue(batch), Optimizer = result.GetValue(optimizer),
                LearningRate = result.GetValue(rate), Momentum = result.GetValue(momentum), Schedule = result.GetValue(schedule),
                WarmupEpochs = result.GetValue(warmup), WeightDecay = result.GetValue(decay), ValidationFraction = result.GetValue(validation),
                EarlyStoppingPatience = result.GetValue(earlyStopping), Flip = result.GetValue(flip), CropPadding = result.GetValue(crop),
                TranslateFraction = result.GetValue(translate), Seed = result.GetValue(seed), Backend = result.GetValue(backend), Threads = result.GetValue(threads),
            };
            string model = result.GetValue(output)!;
            var fineTuning = new FineTuning(result.GetValue(weights), result.GetValue(stripPrefix), result.GetValue(trainOnly), result.GetValue(freezeUpTo));
            return Execute(console, new TrainRequest(data.Resolve(result)!, test.Resolve(result), result.GetValue(architecture)!, settings,
                result.GetValue(imageSize), result.GetValue(grayscale), result.GetValue(normalize), fineTuning, result.GetValue(skipInvalid), model,
                result.GetValue(report) ?? Path.ChangeExtension(model, ".html")));
        }));
        return command;
    }

    /// <summary>What the command line asked for.</summary>
    private sealed record TrainRequest(DataSource Train, DataSource? Test, string Architecture, TrainingSettings Settings, string? ImageSize,
        bool Grayscale, ImageNormalization? Normalization, FineTuning FineTuning, bool SkipInvalidImages, string ModelPath, string ReportPath);

    /// <summary>The --weights, --weights-strip-prefix, --train-only and --freeze-up-to values.</summary>
    private sealed record FineTuning(string? Weights, string? StripPrefix, string? TrainOnly, string? FreezeUpTo);

    private static ExitCode Execute(CommandConsole console, TrainRequest request)
    {
        var (trainSource, testSource, settings, skipInvalid, modelPath, reportPath) =
            (request.Train, request.Test, request.Settings, request.SkipInvalidImages, request.ModelPath, request.ReportPath);
        settings.Validate(hasValidationData: settings.ValidationFraction > 0 || testSource is not null);
        var architecture = ArchitectureChoice.Resolve(request.Architecture);
        if (testSource is not null && testSource.HasImagePaths != trainSource.HasImagePaths)
            throw new UsageException($"--data is {trainSource} but --test is {testSource}; test data must be of the same kind (image files, or IDX pixels).");
        var image = ImageSettings.For(trainSource, request.ImageSize, request.Grayscale, request.Normalization);
        var fineTuning = request.FineTuning;
        var network = new NetworkPreparation(architecture, PretrainedWeights.Open(fineTuning.Weights, fineTuning.StripPrefix),
            LayerFreezing.Parse(fineTuning.TrainOnly, fineTuning.FreezeUpTo), settings.Seed);

        var ml = DataOptions.CreateContext(console, settings.Seed);
        var say = DataOptions.OnceEach(console);
        var train = LabelledData.Load(ml, trainSource, say);
        var test = testSource is null ? null : LabelledData.Load(ml, testSource, say);
        console.WriteLine($"Training {architecture} on {train.View.GetRowCount():N0} rows of {trainSource}{(image is null ? "" : $" at {image}")}: " +
            $"{settings.Epochs} epochs, batch {settings.BatchSize}, {settings.Optimizer}, seed {settings.Seed}.");
        if (network.Weights is not null && image is { Grayscale: false, Normalization: ImageNormalization.Fitted } && request.Normalization is null)
            console.WriteLine("Note: torchvision's pretrained weights expect --normalize imagenet; the default fits the statistics to your images instead.");

        var plan = new TrainingPlan(train, test, network.ToCnnArchitecture(console.WriteLine), image, settings, skipInvalid ? InvalidImageHandling.SkipRow : InvalidImageHandling.Fail);
        var clock = Stopwatch.StartNew();
        long expectedRows = (long)(train.View.GetRowCount().GetValueOrDefault() * (1 - settings.ValidationFraction));
        var result = ImageFailureHint.Run(trainSource.HasImagePaths, skipInvalid, () =>
            TrainingProgressDisplay.Run(console, settings.Epochs, settings.BatchSize, expectedRows, (progress, onEpoch) => TrainingRun.Fit(ml, plan, progress, onEpoch)));
        var trainingTime = clock.Elapsed;
        console.WriteLine($"Trained in {trainingTime.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s ({result.History.Outcome}" +
            (result.History.RestoredEpoch >= 0 ? $", weights of epoch {result.History.RestoredEpoch + 1} kept" : "") + ").");

        OutputFiles.CreateFolderOf(modelPath);
        ml.Model.Save(result.Model, result.InputSchema, modelPath);
        var evaluation = ImageFailureHint.Run(trainSource.HasImagePaths, skipInvalid,
            () => ModelEvaluation.Evaluate(ml, result.Model, result.EvaluationData, result.EvaluationName));
        MetricsPrinter.Print(console, evaluation);

        var facts = new List<(string, string)>
        {
            ("training data", $"{trainSource} ({train.View.GetRowCount():N0} rows)"),
            ("test data", testSource is null ? "none" : $"{testSource} ({test!.View.GetRowCount():N0} rows)"),
            ("architecture", architecture.ToString()),
            ("input", image is null ? "IDX pixels at their own size, scaled to [0, 1]" : $"{image.Width}x{image.Height} {(image.Grayscale ? "grayscale" : "RGB")}, {image.PixelDescription}"),
            ("epochs", $"{result.History.Epochs.Count} of {settings.Epochs} ({result.History.Outcome})"),
            ("optimizer", $"{settings.Optimizer}, learning rate {settings.EffectiveLearningRate.ToString(CultureInfo.InvariantCulture)}, {settings.Schedule} schedule, weight decay {settings.WeightDecay.ToString(CultureInfo.InvariantCulture)}"),
            ("batch size", settings.BatchSize.ToString(CultureInfo.InvariantCulture)),
            ("validation", settings.ValidationFraction > 0 ? $"{TextFormats.Percent(settings.ValidationFraction, 0)} of the training data" : testSource is null ? "none" : "the test data"),
            ("augmentation", Augmentation(settings)),
            ("seed, backend", $"{settings.Seed}, {settings.Backend}"),
            ("training time", $"{trainingTime.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s"),
            ("model", Path.GetFullPath(modelPath)),
        };
        if (network.Weights is { } file && network.Imported is { } imported)
            facts.Insert(3, ("initial weights", $"{Path.GetFullPath(file.Path)}{(file.StripPrefix is null ? "" : $" (prefix '{file.StripPrefix}' stripped)")}: {PretrainedWeights.Counts(imported)}; tensors that did not fit kept fresh values"));
        if (network.FreezingSummary is { } frozen) facts.Insert(network.Imported is null ? 3 : 4, ("trainable layers", frozen));
        OutputFiles.CreateFolderOf(reportPath);
        var (epochs, note) = ReportContent.Curves(result.History);
        HtmlReport.Write(reportPath, new ReportContent($"mlcnn train: {Path.GetFileName(modelPath)}", facts, epochs, evaluation, result.Network.Summary().ToString())
        {
            CurvesNote = note,
            Appendix = network.Imported is { } import ? ("Weight import", import.ToString()) : null,
        });
        console.WriteLine($"Wrote the model to {Path.GetFullPath(modelPath)} and the report to {Path.GetFullPath(reportPath)}.");
        return ExitCode.Ok;
    }

    private static string Augmentation(TrainingSettings s)
    {
        var parts = new List<string>();
        if (s.Flip) parts.Add("horizontal flips");
        if (s.CropPadding > 0) parts.Add($"random crops (padding {s.CropPadding})");
        if (s.TranslateFraction > 0) parts.Add($"random shifts (up to {TextFormats.Percent(s.TranslateFraction, 0)})");
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

}
