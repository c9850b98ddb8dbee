// `mlcnn evaluate`: a model zip and a labelled data set in; metrics and the confusion matrix on the console, and an
// optional HTML report (with the training curves the model carries).
using System.CommandLine;
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;
using Microsoft.ML.Cnn.Mlcnn.Reports;
using Microsoft.ML.Cnn.Mlcnn.Terminal;

namespace Microsoft.ML.Cnn.Mlcnn.Commands;

/// <summary>Defines and runs <c>mlcnn evaluate</c>.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CommandConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "The model zip (from 'mlcnn train').", Required = true };
        var data = DataOptions.Create("data", "The labelled data to evaluate on", required: true);
        var report = new Option<string?>("--report") { Description = "Also write an HTML report (confusion matrix heat map, most confident mistakes, training curves) here." };
        var command = new Command("evaluate", "Evaluate a model on labelled data: accuracy, log-loss, confusion matrix.") { model };
        data.AddTo(command);
        command.Add(report);
        command.SetAction(result => CommandRunner.Run(console, "evaluate",
            () => Execute(console, result.GetValue(model)!, data.Resolve(result)!, result.GetValue(report))));
        return command;
    }

    private static ExitCode Execute(CommandConsole console, string modelPath, DataSource source, string? reportPath)
    {
        var ml = DataOptions.CreateContext(console, seed: 1);
        var model = LoadedModel.Load(ml, modelPath);
        model.CheckFits(source);
        var data = LabelledData.Load(ml, source, console.WriteLine);
        console.WriteLine($"Evaluating '{modelPath}' on {data.View.GetRowCount():N0} rows of {source}.");
        var evaluation = ModelEvaluation.Evaluate(ml, model.Model, data.View, "evaluation data");
        MetricsPrinter.Print(console, evaluation);
        if (reportPath is not null)
        {
            var facts = new List<(string, string)> { ("model", System.IO.Path.GetFullPath(modelPath)), ("data", source.ToString()), ("input", $"{model.InputShape} per image") };
            TrainCommand.CreateFolderOf(reportPath);
            HtmlReport.Write(reportPath, new ReportContent($"mlcnn evaluate: {System.IO.Path.GetFileName(modelPath)}", facts, model.Scorer.History, evaluation,
                model.Scorer.Network.Summary().ToString()));
            console.WriteLine($"Wrote the report to {System.IO.Path.GetFullPath(reportPath)}.");
        }
        return ExitCode.Ok;
    }
}
