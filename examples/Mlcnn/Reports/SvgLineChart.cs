// Per-epoch curves as inline SVG (no script, no external requests): axes with ticks, one polyline and markers per
// series, and a legend.
using System.Globalization;
using System.Net;
using System.Text;

namespace Microsoft.ML.Cnn.Mlcnn.Reports;

/// <summary>One curve: a value per epoch (NaN where there is none).</summary>
internal sealed record ChartSeries(string Name, string Color, IReadOnlyList<double> Values, bool Dashed = false);

/// <summary>Renders line charts over epochs.</summary>
internal static class SvgLineChart
{
    private const int Width = 480, Height = 300, Left = 58, Right = 16, Top = 34, Bottom = 44;

    /// <summary>An SVG chart of <paramref name="series"/> against epochs 1..N; <paramref name="percent"/> formats the y axis as percentages.</summary>
    public static string Render(string title, IReadOnlyList<ChartSeries> series, bool percent)
    {
        var c = CultureInfo.InvariantCulture;
        var finite = series.SelectMany(s => s.Values).Where(double.IsFinite).ToList();
        int epochs = series.Max(s => s.Values.Count);
        var svg = new StringBuilder();
        svg.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        svg.Append(c, $"<text x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" class=\"chart-title\">{Encode(title)}</text>");
        if (finite.Count == 0 || epochs == 0)
            return svg.Append(c, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">no values</text></svg>").ToString();

        double min = finite.Min(), max = finite.Max();
        if (percent) (min, max) = (Math.Max(0, min - 0.02), Math.Min(1, max + 0.02));
        double pad = max > min ? (max - min) * 0.08 : Math.Max(Math.Abs(max) * 0.1, 0.01);
        if (!percent) (min, max) = (Math.Max(0, min - pad), max + pad);
        if (max <= min) max = min + pad;
        double X(int epoch) => Left + (epochs == 1 ? 0.5 : epoch / (double)(epochs - 1)) * (Width - Left - Right);
        double Y(double v) => Top + (1 - (v - min) / (max - min)) * (Height - Top - Bottom);

        // Axes and grid.
        svg.Append(c, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" class=\"axis\"/>");
        svg.Append(c, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" class=\"axis\"/>");
        for (int t = 0; t <= 4; t++)
        {
            double v = min + (max - min) * t / 4, y = Y(v);
            svg.Append(c, $"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Width - Right}\" y2=\"{y:F1}\" class=\"grid\"/>");
            string tick = percent ? (v * 100).ToString("F1", c) + "%" : v.ToString(max - min < 0.1 ? "F3" : "F2", c);
            svg.Append(c, $"<text x=\"{Left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\" class=\"tick\">{tick}</text>");
        }
        int step = Math.Max(1, (int)Math.Ceiling(epochs / 12.0));
        for (int e = 0; e < epochs; e += step)
            svg.Append(c, $"<text x=\"{X(e):F1}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" class=\"tick\">{e + 1}</text>");
        svg.Append(c, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\" class=\"tick\">epoch</text>");

        // Series and legend.
        int legendX = Left + 8;
        foreach (var s in series)
        {
            var points = Enumerable.Range(0, s.Values.Count).Where(e => double.IsFinite(s.Values[e])).ToList();
            if (points.Count == 0) continue;
            string dash = s.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            svg.Append(c, $"<polyline fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"2\"{dash} points=\"{string.Join(' ', points.Select(e => string.Create(c, $"{X(e):F1},{Y(s.Values[e]):F1}")))}\"/>");
            foreach (int e in points)
                svg.Append(c, $"<circle cx=\"{X(e):F1}\" cy=\"{Y(s.Values[e]):F1}\" r=\"3\" fill=\"{s.Color}\"><title>{Encode(s.Name)}, epoch {e + 1}: {(percent ? TextFormats.Percent(s.Values[e], 2) : s.Values[e].ToString("F4", c))}</title></circle>");
            svg.Append(c, $"<line x1=\"{legendX}\" y1=\"{Top + 8}\" x2=\"{legendX + 18}\" y2=\"{Top + 8}\" stroke=\"{s.Color}\" stroke-width=\"2\"{dash}/>");
            svg.Append(c, $"<text x=\"{legendX + 22}\" y=\"{Top + 12}\" class=\"legend\">{Encode(s.Name)}</text>");
            legendX += 30 + s.Name.Length * 7;
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
