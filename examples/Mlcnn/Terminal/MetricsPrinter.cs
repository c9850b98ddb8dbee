// Prints an evaluation on the console: the headline metrics and the confusion matrix as a Spectre table.
using System.Globalization;
using Microsoft.ML.Cnn.Mlcnn.Reports;
using Spectre.Console;

namespace Microsoft.ML.Cnn.Mlcnn.Terminal;

/// <summary>Console output of <see cref="ClassEvaluation"/>.</summary>
internal static class MetricsPrinter
{
    public static void Print(CommandConsole console, ClassEvaluation evaluation)
    {
        var c = CultureInfo.InvariantCulture;
        var metrics = evaluation.Metrics;
        var matrix = metrics.ConfusionMatrix;
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Markup.Escape($"Confusion matrix on the {evaluation.DataName} (rows: actual, columns: predicted)")) };
        table.AddColumn(new TableColumn("class"));
        foreach (var name in evaluation.ClassNames) table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        table.AddColumn(new TableColumn("recall").RightAligned());
        for (int a = 0; a < matrix.NumberOfClasses; a++)
        {
            var cells = new List<string> { Markup.Escape(evaluation.ClassNames[a]) };
            for (int p = 0; p < matrix.NumberOfClasses; p++)
            {
                string count = matrix.Counts[a][p].ToString("N0", c);
                cells.Add(a == p ? $"[bold]{count}[/]" : count);
            }
            cells.Add(matrix.PerClassRecall[a].ToString("P1", c));
            table.AddRow(cells.ToArray());
        }
        console.Ansi.Write(table);
        console.WriteLine(string.Format(c, "Accuracy {0:P2} (macro {1:P2}), log-loss {2:F4} (reduction {3:P1}) on {4:N0} rows of the {5}.",
            metrics.MicroAccuracy, metrics.MacroAccuracy, metrics.LogLoss, metrics.LogLossReduction, evaluation.Rows, evaluation.DataName));
    }
}
