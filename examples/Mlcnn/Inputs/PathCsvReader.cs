// Reads a CSV of image paths (and optionally labels) line by line: a header naming the columns "path" and "label"
// (any order, other columns ignored), RFC 4180 quoting, paths relative to the CSV's own folder.
using System.Text;

namespace Microsoft.ML.Cnn.Mlcnn.Inputs;

/// <summary>One data row of a path CSV.</summary>
/// <param name="Line">The 1-based line number, for messages.</param>
/// <param name="Path">The image path, absolute (relative paths are resolved against the CSV's folder).</param>
/// <param name="Label">The label, or null when the CSV has no label column.</param>
internal readonly record struct PathCsvRow(int Line, string Path, string? Label);

/// <summary>Streams the rows of a CSV of image paths.</summary>
internal static class PathCsvReader
{
    /// <summary>
    /// The rows of <paramref name="csvPath"/>, read lazily. With <paramref name="requireLabels"/>, a missing label
    /// column or an empty label is an error.
    /// </summary>
    /// <exception cref="InvalidDataException">The header lacks a path (or label) column, or a line is malformed; the message names the line.</exception>
    public static IEnumerable<PathCsvRow> Read(string csvPath, bool requireLabels)
    {
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(csvPath))!;
        using var reader = new StreamReader(csvPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        string? header = reader.ReadLine() ?? throw new InvalidDataException($"The CSV '{csvPath}' is empty; it needs a header line 'path,label' and one line per image.");
        var names = SplitLine(header, csvPath, 1);
        int pathColumn = IndexOf(names, "path"), labelColumn = IndexOf(names, "label");
        if (pathColumn < 0)
            throw new InvalidDataException($"The CSV '{csvPath}' has no 'path' column (its header is '{header}'); the first line must name the columns, e.g. 'path,label'.");
        if (requireLabels && labelColumn < 0)
            throw new InvalidDataException($"The CSV '{csvPath}' has no 'label' column (its header is '{header}'); add one, e.g. 'path,label', with each image's class.");
        int line = 1;
        for (string? text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            line++;
            if (text.Length == 0) continue;
            var fields = SplitLine(text, csvPath, line);
            int needed = Math.Max(pathColumn, labelColumn) + 1;
            if (fields.Count < needed)
                throw new InvalidDataException($"Line {line} of '{csvPath}' has {fields.Count} fields; the header names {names.Count}.");
            string path = fields[pathColumn];
            if (path.Length == 0) throw new InvalidDataException($"Line {line} of '{csvPath}' has an empty path.");
            string? label = labelColumn >= 0 ? fields[labelColumn] : null;
            if (requireLabels && string.IsNullOrEmpty(label)) throw new InvalidDataException($"Line {line} of '{csvPath}' has an empty label; give every image its class.");
            yield return new PathCsvRow(line, System.IO.Path.GetFullPath(path, folder), label);
        }
    }

    private static int IndexOf(List<string> names, string name) =>
        names.FindIndex(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Splits one line at commas outside quotes; a quote inside a quoted field is doubled.</summary>
    internal static List<string> SplitLine(string line, string csvPath, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) throw new InvalidDataException($"Line {lineNumber} of '{csvPath}' ends inside a quoted field; close the quote (fields spanning lines are not supported).");
        fields.Add(field.ToString());
        return fields;
    }
}
