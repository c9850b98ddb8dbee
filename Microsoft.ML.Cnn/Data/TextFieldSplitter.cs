// Splits one line of a delimited text file into fields, optionally honouring "quoted" fields ("" is a literal quote).
using System.Text;

namespace Microsoft.ML.Cnn.Data;

/// <summary>Splits delimited lines into fields.</summary>
internal sealed class TextFieldSplitter(char separator, bool allowQuoting)
{
    private readonly StringBuilder _field = new();

    /// <summary>Fills <paramref name="fields"/> with the fields of <paramref name="line"/>; null on success, else what is wrong.</summary>
    public string? Split(string line, List<string> fields)
    {
        fields.Clear();
        if (!allowQuoting)
        {
            fields.AddRange(line.Split(separator));
            return null;
        }
        int i = 0;
        while (true)
        {
            _field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                int start = i++;
                while (true)
                {
                    if (i >= line.Length) return $"the quote opened at character {start + 1} is never closed";
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { _field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    _field.Append(line[i++]);
                }
                if (i < line.Length && line[i] != separator)
                    return $"unexpected character '{line[i]}' after the closing quote at character {i}";
            }
            else
            {
                while (i < line.Length && line[i] != separator) _field.Append(line[i++]);
            }
            fields.Add(_field.ToString());
            if (i >= line.Length) return null;
            i++; // the separator
        }
    }
}
