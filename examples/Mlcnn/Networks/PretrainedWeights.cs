// The --weights file of `mlcnn train` and `mlcnn summary`: a PyTorch state_dict as safetensors, checked before any
// data is read, imported by name into the network once it is built, and its import report put into words.
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Persistence.SafeTensors;
using Microsoft.ML.Cnn.Transfer;

namespace Microsoft.ML.Cnn.Mlcnn.Networks;

/// <summary>A safetensors file to start from, and the prefix to strip from its tensor names.</summary>
internal sealed class PretrainedWeights
{
    /// <summary>Names listed per kind on the console before "and N more".</summary>
    private const int ListedNames = 10;

    private PretrainedWeights(string path, string? stripPrefix, int tensorCount)
    {
        Path = path;
        StripPrefix = stripPrefix;
        TensorCount = tensorCount;
    }

    /// <summary>The file, as given.</summary>
    public string Path { get; }

    /// <summary>The --weights-strip-prefix value, or null.</summary>
    public string? StripPrefix { get; }

    /// <summary>Tensors in the file (all dtypes).</summary>
    public int TensorCount { get; }

    /// <summary>
    /// The weights named by --weights (null when absent), after checking that the file exists and is valid safetensors,
    /// so a wrong file fails before any data is read.
    /// </summary>
    /// <exception cref="UsageException">A prefix without a file, a missing file, or a malformed one (the reader's message says what is wrong).</exception>
    public static PretrainedWeights? Open(string? path, string? stripPrefix)
    {
        if (path is null)
            return stripPrefix is null ? null : throw new UsageException("--weights-strip-prefix goes with --weights FILE.safetensors; add --weights or remove the prefix.");
        if (stripPrefix is { Length: 0 }) throw new UsageException("--weights-strip-prefix is empty; give the prefix to remove from the file's tensor names, e.g. 'module.'.");
        if (Directory.Exists(path) || !File.Exists(path))
            throw new UsageException($"--weights '{path}' is not a file (full path '{System.IO.Path.GetFullPath(path)}'); give a .safetensors file " +
                "(tools/export_safetensors.py converts torchvision models and .pth checkpoints).");
        try
        {
            using var reader = SafeTensorsReader.Open(path);
            return new PretrainedWeights(path, stripPrefix, reader.Tensors.Count);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"--weights '{path}' is not a valid safetensors file: {e.Message} " +
                "Convert PyTorch checkpoints with tools/export_safetensors.py; pickled .pth files are not read.", e);
        }
    }

    /// <summary>
    /// Copies the file's matching tensors into <paramref name="network"/> (described as <paramref name="architecture"/>
    /// in messages); the rest keep their fresh values.
    /// </summary>
    /// <exception cref="UsageException">No tensor fills any parameter, or the prefix makes two names collide.</exception>
    public WeightTransferReport ImportInto(Network network, string architecture)
    {
        WeightTransferReport report;
        try
        {
            report = TorchWeights.Load(network, Path, new TorchImportOptions { StripPrefix = StripPrefix });
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"--weights '{Path}' could not be read: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--weights-strip-prefix '{StripPrefix}': {e.Message}", e);
        }
        if (report.Copied.Count == 0) throw new UsageException(NothingMatched(network, architecture, report));
        return report;
    }

    /// <summary>The report's counts, e.g. "copied 60, missing 0, wrong shape 2, unused 0, skipped 20".</summary>
    public static string Counts(WeightTransferReport report) => report.ToString().Split(Environment.NewLine)[0];

    /// <summary>The console lines: the counts, then each wrong shape and missing parameter, the unused and skipped tensors.</summary>
    public IEnumerable<string> Describe(WeightTransferReport report)
    {
        yield return $"Imported weights from '{Path}': {Counts(report)}.";
        int parameters = report.Copied.Count + report.Missing.Count + report.WrongShape.Count;
        if (report.Copied.Count * 2 < parameters)
            yield return $"  Warning: only {report.Copied.Count} of the network's {parameters} parameters came from the file; check that --architecture is the network the weights were saved from.";
        foreach (var mismatch in report.WrongShape.Take(ListedNames))
            yield return $"  {TorchParameterNames.ToTorch(mismatch.Name)}: the file's {mismatch.SourceShape} does not fit {mismatch.TargetShape}; kept fresh.";
        if (report.WrongShape.Count > ListedNames) yield return $"  ... and {report.WrongShape.Count - ListedNames} more of the wrong shape, kept fresh.";
        if (report.Missing.Count > 0)
            yield return $"  not in the file, kept fresh: {List(report.Missing.Select(TorchParameterNames.ToTorch).ToList())}.";
        if (report.Unused.Count > 0) yield return $"  in the file but not in the network (unused): {List(report.Unused)}.";
        string counter = "." + TorchParameterNames.NumBatchesTrackedSuffix;
        if (report.Skipped.Count > 0 && report.Skipped.All(s => s.Name.EndsWith(counter, StringComparison.Ordinal)))
            yield return $"  skipped: {report.Skipped.Count} BatchNorm num_batches_tracked counters (no counterpart here).";
        else if (report.Skipped.Count > 0)
            yield return $"  skipped (not weights): {List(report.Skipped.Select(s => $"{s.Name} ({s.Reason})").ToList())}.";
    }

    private static string List(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(ListedNames)) + (names.Count > ListedNames ? $" and {names.Count - ListedNames} more" : "");

    // Says why nothing matched: every shape differs (another input or width), or no name does (another network, or a prefix).
    private string NothingMatched(Network network, string architecture, WeightTransferReport report)
    {
        string file = $"--weights '{Path}'";
        if (report.WrongShape.Count > 0)
        {
            var first = report.WrongShape[0];
            return $"{file} fills no parameter of the {architecture}: the {report.WrongShape.Count} tensors whose names match all differ in shape " +
                $"(e.g. {TorchParameterNames.ToTorch(first.Name)}: file {first.SourceShape}, network {first.TargetShape}). " +
                "Build the network the weights were trained with (--architecture, and 3-channel RGB images for ImageNet weights).";
        }
        var fileNames = report.Unused;
        string sample = fileNames.Count == 0 ? "it holds no floating-point tensors" : $"its {fileNames.Count} tensors are named e.g. {Quoted(fileNames)}";
        var keys = network.Parameters.Select(p => TorchParameterNames.ToTorch(p.Name)).ToList();
        string message = $"{file} fills no parameter of the {architecture}: {sample}, the network's parameters e.g. {Quoted(keys)}.";
        if (SharedFirstSegment(fileNames) is { } prefix && StripPrefix is null)
            return $"{message} Every tensor name starts with '{prefix}': add --weights-strip-prefix {prefix} if the rest are the network's names.";
        return $"{message} Choose the --architecture the weights were saved from (layer names follow torchvision's modules), or strip a prefix with --weights-strip-prefix.";
    }

    private static string Quoted(IReadOnlyList<string> names) => string.Join(", ", names.Take(3).Select(n => $"'{n}'"));

    // "module." when every name starts with it (DataParallel checkpoints), else null.
    private static string? SharedFirstSegment(IReadOnlyList<string> names)
    {
        int dot = names.Count == 0 ? -1 : names[0].IndexOf('.');
        if (dot <= 0) return null;
        string prefix = names[0][..(dot + 1)];
        return names.All(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.Length > prefix.Length) ? prefix : null;
    }
}
