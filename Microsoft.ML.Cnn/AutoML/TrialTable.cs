// Prints an experiment's trials as a fixed-width table, one row per trial, for consoles and logs.
using System.Globalization;
using System.Text;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>Formats run details as a table.</summary>
internal static class TrialTable
{
    public static string Format<TMetrics>(IReadOnlyList<RunDetail<TMetrics>> runs, RunDetail<TMetrics>? best, string metricName) where TMetrics : class
    {
        var c = CultureInfo.InvariantCulture;
        string[] header = ["trial", "status", "epochs", metricName, "seconds", "network", "training"];
        var rows = runs.Select(r => new[]
        {
            (ReferenceEquals(r, best) ? "*" : "") + r.TrialId.ToString(c),
            r.Status.ToString(),
            r.Epochs.ToString(c),
            double.IsNaN(r.ValidationMetric) ? "-" : r.ValidationMetric.ToString("F4", c),
            r.RuntimeInSeconds.ToString("F1", c),
            r.Settings.Architecture,
            r.Settings.Training,
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        bool[] rightAligned = [true, false, true, true, true, false, false];
        var text = new StringBuilder();
        void Line(string[] cells)
        {
            for (int i = 0; i < cells.Length; i++)
            {
                if (i > 0) text.Append("  ");
                text.Append(rightAligned[i] ? cells[i].PadLeft(widths[i]) : i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i]));
            }
            text.AppendLine();
        }
        Line(header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows) Line(row);
        return text.ToString();
    }
}
