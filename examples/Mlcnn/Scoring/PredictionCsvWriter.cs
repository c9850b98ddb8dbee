// Writes the predictions CSV of `mlcnn score`: path, predicted label, its probability, one probability column per
// class, and an error column that is empty for scored rows and holds the reason for images that could not be scored.
using System.Globalization;
using System.Text;

namespace Microsoft.ML.Cnn.Mlcnn.Scoring;

/// <summary>A predictions CSV, written row by row.</summary>
internal sealed class PredictionCsvWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly int _classes;

    /// <summary>Creates <paramref name="path"/> and writes the header.</summary>
    public PredictionCsvWriter(string path, IReadOnlyList<string> classNames)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        _classes = classNames.Count;
        _writer.WriteLine(string.Join(',', new[] { "path", "label", "probability" }.Concat(classNames).Append("error").Select(Quote)));
    }

    /// <summary>A scored image: its predicted label and the probability of every class.</summary>
    public void WriteScored(string path, string label, ReadOnlySpan<float> probabilities)
    {
        var c = CultureInfo.InvariantCulture;
        float best = 0;
        foreach (float p in probabilities) best = Math.Max(best, p);
        var line = new StringBuilder().Append(Quote(path)).Append(',').Append(Quote(label)).Append(',').Append(best.ToString("F6", c));
        foreach (float p in probabilities) line.Append(',').Append(p.ToString("F6", c));
        _writer.WriteLine(line.Append(',').ToString());
    }

    /// <summary>An image that could not be scored: empty prediction fields and the reason.</summary>
    public void WriteError(string path, string reason) =>
        _writer.WriteLine(Quote(path) + new string(',', _classes + 3) + Quote(reason.ReplaceLineEndings(" ")));

    /// <summary>Pushes the rows written so far to the file (after every batch, so an interrupted run keeps them).</summary>
    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    /// <summary>RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled.</summary>
    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
