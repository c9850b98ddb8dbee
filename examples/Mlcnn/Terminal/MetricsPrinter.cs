// Prints an evaluation on the console: the confusion matrix as a Spectre table (columns numbered so ten or twenty
// classes fit a terminal) and the headline metrics.
using System.Globalization;
using Microsoft.ML.Cnn.Mlcnn.Reports;
using Spectre.Console;

namespace Microsoft.ML.Cnn.Mlcnn.Terminal;

/// <summary>Console output of <see cref="ClassEvaluation"/>.</summary>
internal static class MetricsPrinter
{
    /// <summary>Prints the confusion matrix table and the accuracy line.</summary>
    public static void Print(CommandConsole console, ClassEvaluation evaluation)
    {
        var metrics = evaluation.Metrics;
        var matrix = metrics.ConfusionMatrix;
        console.WriteLine($"Confusion matrix on the {evaluation.DataName} (rows: actual class, columns: predicted class by number):");
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumn(new TableColumn("actual").NoWrap());
        for (int p = 0; p < matrix.NumberOfClasses; p++) table.AddColumn(new TableColumn((p + 1).ToString(CultureInfo.InvariantCulture)).RightAligned().NoWrap());
        table.AddColumn(new TableColumn("recall %").RightAligned().NoWrap());
        for (int a = 0; a < matrix.NumberOfClasses; a++)
        {
            var cells = new List<string> { Markup.Escape($"{a + 1}: {evaluation.ClassNames[a]}") };
            for (int p = 0; p < matrix.NumberOfClasses; p++)
            {
                string count = TextFormats.Count(matrix.Counts[a][p]);
                cells.Add(a == p ? $"[bold]{count}[/]" : count);
            }
            cells.Add(Percent(matrix.PerClassRecall[a]));
            table.AddRow(cells.ToArray());
        }
        var precision = new List<string> { "precision %" };
        precision.AddRange(matrix.PerClassPrecision.Select(Percent));
        table.AddRow([.. precision, ""]);
        console.Ansi.Write(table);
        console.WriteLine($"Accuracy {TextFormats.Percent(metrics.MicroAccuracy, 2)} (macro {TextFormats.Percent(metrics.MacroAccuracy, 2)}), " +
            $"log-loss {metrics.LogLoss.ToString("F4", CultureInfo.InvariantCulture)} (reduction {TextFormats.Percent(metrics.LogLossReduction)}) " +
            $"on {TextFormats.Count(evaluation.Rows)} rows of the {evaluation.DataName}.");
    }

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture);
}
