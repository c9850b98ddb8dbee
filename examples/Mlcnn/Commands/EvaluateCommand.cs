// `mlcnn evaluate`: a model zip and a labelled data set in; metrics and the confusion matrix on the console, and an
// optional HTML report (with the training curves the model carries).
using System.CommandLine;
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;
using Microsoft.ML.Cnn.Mlcnn.Reports;
using Microsoft.ML.Cnn.Mlcnn.Terminal;
using Microsoft.ML.Cnn.Transforms.Image;

namespace Microsoft.ML.Cnn.Mlcnn.Commands;

/// <summary>Defines and runs <c>mlcnn evaluate</c>.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CommandConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "The model zip (from 'mlcnn train').", Required = true };
        var data = DataOptions.Create("data", "The labelled data to evaluate on", required: true);
        var report = new Option<string?>("--report") { Description = "Also write an HTML report (confusion matrix heat map, most confident mistakes, training curves) here." };
        var skipInvalid = new Option<bool>("--skip-invalid-images") { Description = "Leave out rows whose image cannot be decoded (with a warning) instead of failing." };
        var command = new Command("evaluate", "Evaluate a model on labelled data: accuracy, log-loss, confusion matrix.") { model };
        data.AddTo(command);
        command.Add(report);
        command.Add(skipInvalid);
        command.SetAction(result => CommandRunner.Run(console, "evaluate",
            () => Execute(console, result.GetValue(model)!, data.Resolve(result)!, result.GetValue(report), result.GetValue(skipInvalid))));
        return command;
    }

    private static ExitCode Execute(CommandConsole console, string modelPath, DataSource source, string? reportPath, bool skipInvalid)
    {
        var ml = DataOptions.CreateContext(console, seed: 1);
        var model = LoadedModel.Load(ml, modelPath);
        model.CheckFits(source);
        var data = LabelledData.Load(ml, source, console.WriteLine);
        var pipeline = model.WithInvalidImages(ml, skipInvalid ? InvalidImageHandling.SkipRow : InvalidImageHandling.Fail);
        console.WriteLine($"Evaluating '{modelPath}' on {data.View.GetRowCount():N0} rows of {source}.");
        if (source.HasImagePaths) WarnAboutUnknownLabels(console, ml, data, model.ClassNames(pipeline.GetOutputSchema(data.View.Schema)));
        var evaluation = ImageFailureHint.Run(source.HasImagePaths, skipInvalid, () => ModelEvaluation.Evaluate(ml, pipeline, data.View, "evaluation data"));
        MetricsPrinter.Print(console, evaluation);
        if (reportPath is not null)
        {
            var facts = new List<(string, string)> { ("model", System.IO.Path.GetFullPath(modelPath)), ("data", source.ToString()), ("input", $"{model.InputShape} per image") };
            OutputFiles.CreateFolderOf(reportPath);
            var (epochs, note) = ReportContent.Curves(model.Scorer.History);
            HtmlReport.Write(reportPath, new ReportContent($"mlcnn evaluate: {System.IO.Path.GetFileName(modelPath)}", facts, epochs, evaluation,
                model.Scorer.Network.Summary().ToString()) { CurvesNote = note });
            console.WriteLine($"Wrote the report to {System.IO.Path.GetFullPath(reportPath)}.");
        }
        return ExitCode.Ok;
    }

    /// <summary>Rows whose class the model never learned have no key, and the evaluator leaves them out: say so.</summary>
    private static void WarnAboutUnknownLabels(CommandConsole console, MLContext ml, LabelledData data, IReadOnlyList<string> classNames)
    {
        var known = classNames.ToHashSet(StringComparer.Ordinal);
        var unknown = ml.Data.CreateEnumerable<LabelRow>(data.View, reuseRowObject: true).Select(r => r.Label).Where(l => !known.Contains(l))
            .GroupBy(l => l, StringComparer.Ordinal).Select(g => (Label: g.Key, Rows: g.Count())).ToList();
        if (unknown.Count == 0) return;
        console.Error.WriteLine($"mlcnn evaluate: warning: {unknown.Sum(u => u.Rows):N0} rows have classes the model does not know " +
            $"({string.Join(", ", unknown.Select(u => $"{u.Label}: {u.Rows:N0}"))}); they are left out of the metrics. The model knows {string.Join(", ", classNames)}.");
    }

    private sealed class LabelRow
    {
        public string Label = "";
    }
}
