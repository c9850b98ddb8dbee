// Constants of the pipeline model zip (Model.Save): entry names, versions, and the limits that keep loading safe.
using System.Text.RegularExpressions;

namespace Microsoft.ML.Cnn.Persistence.Pipeline;

internal static partial class PipelineFormat
{
    /// <summary>First line of the manifest entry.</summary>
    public const string Magic = "Microsoft.ML.Cnn pipeline model";

    /// <summary>The archive layout version; a newer one is refused with a message to upgrade.</summary>
    public const int CurrentVersion = 1;

    public const string ManifestEntry = "Manifest.txt";
    public const string SchemaEntry = "Schema.bin";
    public const string RootDirectory = "Model";
    public const string LoaderEntry = "Loader.bin";
    public const string MainEntry = "Model.bin";

    // Limits checked before anything read from an archive is trusted or allocated.
    public const int MaxEntries = 10_000;
    public const long MaxEntryBytes = int.MaxValue - 64;
    // Bounds the memory an honestly compressed zip bomb can take; the largest networks here are a few hundred MB.
    public const long MaxTotalBytes = 2L << 30;
    public const int MaxDepth = 32;
    public const int MaxStringBytes = 1 << 20;
    public const int MaxCollectionCount = 1 << 26;

    /// <summary>A sub-model or stream name: letters, digits, '_' and '-', at most 64 characters.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <summary>An entry path: names joined by '/', ending in a file name with an extension.</summary>
    public static bool IsValidEntryPath(string path) => EntryPattern().IsMatch(path);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}\\z")]
    private static partial Regex NamePattern();

    // \z, not $: $ also matches before a final newline, which would let "Step0\n" through.
    // Up to 64 directories: the root plus MaxDepth levels of sub-models fit, and a deeper file is refused by the depth
    // check with a message that says so rather than by this pattern.
    [GeneratedRegex("^([A-Za-z0-9_-]{1,64}/){0,64}[A-Za-z0-9_-]{1,64}\\.(bin|txt)\\z")]
    private static partial Regex EntryPattern();
}
