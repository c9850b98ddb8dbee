// The confusion matrix as an HTML heat map: rows are actual classes, columns predicted ones, each cell shaded by its
// share of the row (blue on the diagonal, red off it), with recall per row and precision per column.
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.ML.Cnn.Evaluation;

namespace Microsoft.ML.Cnn.Mlcnn.Reports;

/// <summary>Renders a confusion matrix as a shaded table.</summary>
internal static class ConfusionHeatMap
{
    /// <summary>The table for <paramref name="matrix"/> with <paramref name="classNames"/> as headers.</summary>
    public static string Render(ConfusionMatrix matrix, IReadOnlyList<string> classNames)
    {
        var c = CultureInfo.InvariantCulture;
        int n = matrix.NumberOfClasses;
        var html = new StringBuilder("<table class=\"heatmap\"><thead><tr><th class=\"corner\">actual \\ predicted</th>");
        for (int p = 0; p < n; p++) html.Append(c, $"<th class=\"predicted\">{Encode(classNames[p])}</th>");
        html.Append("<th>recall</th></tr></thead><tbody>");
        for (int a = 0; a < n; a++)
        {
            double rowTotal = matrix.Counts[a].Sum();
            html.Append(c, $"<tr><th class=\"actual\">{Encode(classNames[a])}</th>");
            for (int p = 0; p < n; p++)
            {
                double count = matrix.Counts[a][p];
                double share = rowTotal > 0 ? count / rowTotal : 0;
                string rgb = a == p ? "33, 102, 172" : "202, 0, 32";
                string ink = share > 0.55 ? "#fff" : "#111";
                html.Append(c, $"<td style=\"background: rgba({rgb}, {share:F3}); color: {ink}\" title=\"actual {Encode(classNames[a])}, predicted {Encode(classNames[p])}: {TextFormats.Count(count)} ({TextFormats.Percent(share)} of the row)\">{TextFormats.Count(count)}</td>");
            }
            html.Append(c, $"<td class=\"rate\">{TextFormats.Percent(matrix.PerClassRecall[a])}</td></tr>");
        }
        html.Append("<tr><th>precision</th>");
        for (int p = 0; p < n; p++) html.Append(c, $"<td class=\"rate\">{TextFormats.Percent(matrix.PerClassPrecision[p])}</td>");
        return html.Append("<td></td></tr></tbody></table>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
