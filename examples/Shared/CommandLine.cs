// Shared by the examples: "--name value" and "--flag" arguments, parsed by hand (no extra packages), with errors
// that name the option and the value expected.
using System.Globalization;
using Microsoft.ML.Cnn.Backends;

namespace Microsoft.ML.Cnn.Examples;

/// <summary>The options of one command line; reading an option marks it known, and <see cref="CheckAllKnown"/> rejects the rest.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="args"/>; an option followed by another option (or nothing) is a flag.</summary>
    public CommandLine(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string option = args[i];
            if (!option.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{option}'; options start with --.");
            string? value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            if (!_values.TryAdd(option, value)) throw new ArgumentException($"Option {option} is given twice.");
        }
    }

    /// <summary>True when --help was given.</summary>
    public bool WantsHelp => Flag("--help");

    public bool Flag(string name)
    {
        _known.Add(name);
        if (!_values.TryGetValue(name, out var value)) return false;
        return value is null ? true : throw new ArgumentException($"Option {name} takes no value (got '{value}').");
    }

    public string? Text(string name)
    {
        _known.Add(name);
        if (!_values.TryGetValue(name, out var value)) return null;
        return value ?? throw new ArgumentException($"Option {name} needs a value.");
    }

    public string Text(string name, string fallback) => Text(name) ?? fallback;

    public string RequiredText(string name) => Text(name) ?? throw new ArgumentException($"Option {name} is required.");

    public int PositiveInt(string name, int fallback)
    {
        string? text = Text(name);
        if (text is null) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"Option {name} needs a positive integer, got '{text}'.");
    }

    public BackendKind Backend(string name = "--backend") => Text(name)?.ToLowerInvariant() switch
    {
        null or "auto" => BackendKind.Auto,
        "managed" => BackendKind.Managed,
        "onednn" => BackendKind.OneDnn,
        var other => throw new ArgumentException($"Unknown backend '{other}'; use auto, managed or onednn."),
    };

    /// <summary>Fails naming the first option that no reader asked for (a typo, usually).</summary>
    public void CheckAllKnown()
    {
        foreach (var option in _values.Keys)
            if (!_known.Contains(option)) throw new ArgumentException($"Unknown option '{option}'.");
    }
}
