// The report of `mlcnn train` and `mlcnn evaluate`: one self-contained HTML file (inline CSS and SVG, thumbnails as
// data URIs, no script, no external request).
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Mlcnn.Reports;

/// <summary>What a report shows.</summary>
/// <param name="Title">The page title, e.g. "mlcnn train: model.zip".</param>
/// <param name="Facts">Settings and facts of the run, shown as a table.</param>
/// <param name="Epochs">Per-epoch metrics (the curves); empty when unknown.</param>
/// <param name="Evaluation">Metrics, confusion matrix and mistakes.</param>
/// <param name="NetworkSummary">The network table (Network.Summary()).</param>
internal sealed record ReportContent(string Title, IReadOnlyList<(string Name, string Value)> Facts, IReadOnlyList<EpochMetrics> Epochs,
    ClassEvaluation Evaluation, string NetworkSummary)
{
    /// <summary>A line under the curves, e.g. which epoch's weights were kept.</summary>
    public string? CurvesNote { get; init; }

    /// <summary>An extra section of preformatted text at the end (e.g. an AutoML trial table), id "appendix".</summary>
    public (string Title, string Text)? Appendix { get; init; }

    /// <summary>The curves of a training run, with the kept epoch noted when early stopping restored one.</summary>
    public static (IReadOnlyList<EpochMetrics> Epochs, string? Note) Curves(TrainingHistory? history) => history is null
        ? ([], null)
        : (history.Epochs, history.RestoredEpoch >= 0 ? $"Training ended {history.Outcome}; the weights of epoch {history.RestoredEpoch + 1} were kept." : null);
}

/// <summary>
/// Writes <see cref="ReportContent"/> as HTML: the run's settings, the loss and accuracy curves, the metrics, the
/// confusion matrix heat map, the most confident mistakes and the network table, each a section with an id.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1080px; color: #1b1b1b; padding: 0 16px; }
        h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        .muted { color: #666; } table.facts td, table.facts th { text-align: left; padding: 2px 14px 2px 0; vertical-align: top; }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; } .charts svg { border: 1px solid #e3e3e3; border-radius: 4px; background: #fff; }
        .chart-title { font-weight: 600; font-size: 13px; } .tick, .legend { font-size: 11px; fill: #444; }
        .axis { stroke: #888; } .grid { stroke: #eee; }
        .metrics { display: flex; flex-wrap: wrap; gap: 12px; } .metric { border: 1px solid #e3e3e3; border-radius: 4px; padding: 8px 14px; min-width: 130px; }
        .metric b { display: block; font-size: 20px; }
        table.heatmap { border-collapse: collapse; font-size: 12px; } table.heatmap td, table.heatmap th { border: 1px solid #ddd; padding: 4px 7px; text-align: right; }
        table.heatmap th.actual { text-align: left; } table.heatmap th.predicted { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; max-height: 140px; }
        table.heatmap td.rate { color: #555; background: #fafafa; } table.heatmap th.corner { font-weight: normal; color: #666; }
        .mistakes { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
        .mistake { margin: 0; border: 1px solid #e3e3e3; border-radius: 4px; padding: 8px; text-align: center; font-size: 12px; overflow-wrap: anywhere; }
        .mistake img { width: 96px; height: 96px; object-fit: contain; image-rendering: pixelated; background: #f4f4f4; }
        .wrong { color: #b00020; } pre { background: #f7f7f7; padding: 10px; overflow-x: auto; font-size: 12px; }
        """;

    /// <summary>Writes the report to <paramref name="path"/> (UTF-8).</summary>
    public static void Write(string path, ReportContent content) => File.WriteAllText(path, Render(content), new UTF8Encoding(false));

    /// <summary>The report as one HTML document.</summary>
    public static string Render(ReportContent content)
    {
        var c = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(content.Title)).Append("</title>");
        html.Append("<style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>").Append(Encode(content.Title)).Append("</h1>");
        html.Append(c, $"<p class=\"muted\">Written by mlcnn on {DateTime.Now:yyyy-MM-dd HH:mm}.</p>");

        html.Append("<section id=\"run\"><h2>Run</h2><table class=\"facts\">");
        foreach (var (name, value) in content.Facts) html.Append("<tr><th>").Append(Encode(name)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");
        html.Append("</table></section>");

        html.Append("<section id=\"curves\"><h2>Training curves</h2>");
        if (content.Epochs.Count > 0) html.Append(Curves(content.Epochs));
        else html.Append("<p class=\"muted\">The model carries no training history.</p>");
        if (content.CurvesNote is { } note) html.Append("<p class=\"muted\">").Append(Encode(note)).Append("</p>");
        html.Append("</section>");

        var evaluation = content.Evaluation;
        var metrics = evaluation.Metrics;
        html.Append(c, $"<section id=\"metrics\"><h2>Metrics on the {Encode(evaluation.DataName)} ({evaluation.Rows:N0} rows)</h2><div class=\"metrics\">");
        foreach (var (name, value) in new[]
        {
            ("accuracy (micro)", TextFormats.Percent(metrics.MicroAccuracy, 2)), ("accuracy (macro)", TextFormats.Percent(metrics.MacroAccuracy, 2)),
            ("log-loss", metrics.LogLoss.ToString("F4", c)), ("log-loss reduction", TextFormats.Percent(metrics.LogLossReduction)),
        })
            html.Append("<div class=\"metric\">").Append(Encode(name)).Append("<b>").Append(Encode(value)).Append("</b></div>");
        html.Append("</div></section>");

        html.Append("<section id=\"confusion-matrix\"><h2>Confusion matrix</h2>");
        html.Append(ConfusionHeatMap.Render(metrics.ConfusionMatrix, evaluation.ClassNames)).Append("</section>");

        html.Append("<section id=\"mistakes\"><h2>Most confident mistakes</h2>");
        html.Append(Mistakes(evaluation.Mistakes)).Append("</section>");

        html.Append("<section id=\"network\"><h2>Network</h2><pre>").Append(Encode(content.NetworkSummary)).Append("</pre></section>");
        if (content.Appendix is { } appendix)
            html.Append("<section id=\"appendix\"><h2>").Append(Encode(appendix.Title)).Append("</h2><pre>").Append(Encode(appendix.Text)).Append("</pre></section>");
        return html.Append("</body></html>").ToString();
    }

    private static string Curves(IReadOnlyList<EpochMetrics> epochs)
    {
        bool validation = epochs.Any(e => double.IsFinite(e.ValidationLoss));
        var loss = new List<ChartSeries> { new("training", "#2166ac", epochs.Select(e => e.Loss).ToList()) };
        var accuracy = new List<ChartSeries> { new("training", "#2166ac", epochs.Select(e => e.Accuracy).ToList()) };
        if (validation)
        {
            loss.Add(new ChartSeries("validation", "#d6604d", epochs.Select(e => e.ValidationLoss).ToList(), Dashed: true));
            accuracy.Add(new ChartSeries("validation", "#d6604d", epochs.Select(e => e.ValidationAccuracy).ToList(), Dashed: true));
        }
        return "<div class=\"charts\">" + SvgLineChart.Render("Loss per epoch", loss, percent: false) +
            SvgLineChart.Render("Accuracy per epoch", accuracy, percent: true) + "</div>";
    }

    private static string Mistakes(IReadOnlyList<Mistake> mistakes)
    {
        if (mistakes.Count == 0) return "<p class=\"muted\">No mistakes: every row was predicted correctly.</p>";
        var c = CultureInfo.InvariantCulture;
        var html = new StringBuilder("<div class=\"mistakes\">");
        foreach (var m in mistakes)
        {
            html.Append("<figure class=\"mistake\"").Append(m.ImagePath is null ? "" : $" title=\"{Encode(m.ImagePath)}\"").Append('>');
            html.Append(m.Picture is { } picture ? $"<img alt=\"{Encode(m.TrueClass)}\" src=\"{PngEncoder.ToDataUri(picture)}\">" : "<div class=\"muted\">(no picture)</div>");
            html.Append(c, $"<figcaption>true <b>{Encode(m.TrueClass)}</b><br><span class=\"wrong\">predicted <b>{Encode(m.PredictedClass)}</b> {TextFormats.Percent(m.Probability)}</span>");
            if (m.ImagePath is not null) html.Append("<br><span class=\"muted\">").Append(Encode(Path.GetFileName(m.ImagePath))).Append("</span>");
            html.Append("</figcaption></figure>");
        }
        return html.Append("</div>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
