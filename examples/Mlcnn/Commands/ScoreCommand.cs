// `mlcnn score`: a model zip and a folder or CSV of images in; a predictions CSV out (one row per image, in input
// order), with error rows for images that cannot be scored, and the throughput at the end.
using System.CommandLine;
using System.Globalization;
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;
using Microsoft.ML.Cnn.Mlcnn.Scoring;
using Microsoft.ML.Cnn.Mlcnn.Terminal;

namespace Microsoft.ML.Cnn.Mlcnn.Commands;

/// <summary>Defines and runs <c>mlcnn score</c>.</summary>
internal static class ScoreCommand
{
    public static Command Create(CommandConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "The model zip (from 'mlcnn train').", Required = true };
        var images = new Option<string>("--images", "-i") { Description = "A folder of images (searched recursively) or a CSV with a 'path' column.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The predictions CSV to write.", DefaultValueFactory = _ => "predictions.csv" };
        var batch = new Option<int>("--batch-size") { Description = "Images decoded and scored together.", DefaultValueFactory = _ => 256 };
        var command = new Command("score", "Score images with a model; writes a CSV of path, label, probabilities (and an error column for images that cannot be read).")
        {
            model, images, output, batch,
        };
        command.SetAction(result => CommandRunner.Run(console, "score",
            () => Execute(console, result.GetValue(model)!, result.GetValue(images)!, result.GetValue(output)!, result.GetValue(batch))));
        return command;
    }

    private static ExitCode Execute(CommandConsole console, string modelPath, string images, string outputPath, int batchSize)
    {
        if (batchSize < 1) throw new UsageException($"--batch-size {batchSize}: score at least 1 image at a time, e.g. 256.");
        var paths = ImageListing.Enumerate(images);
        var ml = DataOptions.CreateContext(console, seed: 1);
        var model = LoadedModel.Load(ml, modelPath);
        var scorer = new ImageBatchScorer(ml, model);
        OutputFiles.CreateFolderOf(outputPath);
        ScoringTotals totals;
        using (var writer = new PredictionCsvWriter(outputPath, scorer.ClassNames))
            totals = scorer.Score(paths, batchSize, writer);
        var c = CultureInfo.InvariantCulture;
        long all = totals.Scored + totals.Failed;
        console.WriteLine(string.Format(c, "Scored {0:N0} images in {1:F2} s ({2:N0} images/s, decoding included); wrote {3}.",
            totals.Scored, totals.Elapsed.TotalSeconds, all / Math.Max(totals.Elapsed.TotalSeconds, 1e-9), Path.GetFullPath(outputPath)));
        if (totals.Failed > 0)
            console.WriteLine($"{totals.Failed:N0} of {all:N0} images could not be scored; their rows carry the reason in the 'error' column.");
        if (all == 0) console.WriteLine($"'{images}' holds no images ({string.Join(", ", Data.DataOperationsCatalog.ImageExtensions)}).");
        return ExitCode.Ok;
    }
}
