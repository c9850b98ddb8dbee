// Moves trained weights between PyTorch (as safetensors files) and this library's networks, by torchvision-style names.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Persistence.SafeTensors;

namespace Microsoft.ML.Cnn.Transfer;

/// <summary>
/// Imports a PyTorch state_dict saved as safetensors (tools/export_safetensors.py converts torchvision models and .pth
/// checkpoints on a machine with PyTorch) into a network whose layers are named after the PyTorch modules, as the
/// full-size presets are; exports a network the same way. Names map by <see cref="TorchParameterNames"/>. Pickled .pth
/// files are never read here: unpickling can run arbitrary code, safetensors cannot.
/// </summary>
/// <example><code>
/// var network = ArchitectureCatalog.Create(ArchitecturePreset.ResNet18, [3, 224, 224], classes: 5);
/// var report = TorchWeights.Load(network, "resnet18.safetensors");   // fc.weight/fc.bias: wrong shape, kept fresh
/// Console.WriteLine(report);
/// network.FreezeAllExcept("fc");                                       // then train only the new head
/// </code></example>
public static class TorchWeights
{
    /// <summary>
    /// Copies every tensor of the safetensors file at <paramref name="path"/> whose (mapped) name and shape match a
    /// parameter of <paramref name="network"/> into it, converting F16, BF16 and F64 to float32. Parameters without a
    /// match keep their values; the report lists them, the wrong shapes (both shapes), the file's unused tensors and
    /// the skipped ones (integer or boolean tensors such as num_batches_tracked).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not valid safetensors, or <see cref="TorchImportOptions.Strict"/> and it does not fit exactly.</exception>
    public static WeightTransferReport Load(Network network, string path, TorchImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var reader = SafeTensorsReader.Open(path);
        return Load(network, reader, options);
    }

    /// <summary>As <see cref="Load(Network, string, TorchImportOptions?)"/>, from a seekable stream holding the file.</summary>
    public static WeightTransferReport Load(Network network, Stream source, TorchImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var reader = new SafeTensorsReader(source, leaveOpen: true);
        return Load(network, reader, options);
    }

    /// <summary>As <see cref="Load(Network, string, TorchImportOptions?)"/>, from an open reader.</summary>
    public static WeightTransferReport Load(Network network, SafeTensorsReader reader, TorchImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new TorchImportOptions();
        var (byKey, skipped) = MapFileTensors(reader, options);

        var report = WeightTransfer.Match(network, byKey, TorchParameterNames.ToTorch, tensor => new Shape(tensor.Shape.Select(d => (int)d).ToArray()),
            (_, tensor) => tensor.Name, out var planned) with { Skipped = skipped };
        if (options.Strict && (!report.AllParametersCopied || report.Unused.Count > 0))
            throw new InvalidDataException($"The safetensors file does not fit the network exactly (strict import; nothing was copied): {report}");

        foreach (var (parameter, tensor) in planned) reader.ReadSingles(tensor, parameter.Data);
        return report;
    }

    /// <summary>
    /// Writes every parameter of <paramref name="network"/> as float32 under its PyTorch key, plus a zero
    /// num_batches_tracked for each BatchNorm layer, so <c>model.load_state_dict(safetensors.torch.load_file(path))</c>
    /// loads it into the matching PyTorch module, strictly.
    /// </summary>
    public static void Save(Network network, string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        CreateWriter(network, metadata).Save(path);

    /// <summary>As <see cref="Save(Network, string, IReadOnlyDictionary{string, string}?)"/>, to a stream.</summary>
    public static void Save(Network network, Stream destination, IReadOnlyDictionary<string, string>? metadata = null) =>
        CreateWriter(network, metadata).WriteTo(destination);

    private static SafeTensorsWriter CreateWriter(Network network, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(network);
        var writer = new SafeTensorsWriter();
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>()) writer.Metadata[key] = value;
        foreach (var layer in network.Layers)
        {
            foreach (var parameter in layer.Parameters) writer.Add(TorchParameterNames.ToTorch(parameter.Name), parameter.Shape.ToArray(), parameter.Data);
            if (layer is BatchNorm) writer.Add($"{layer.Name}.{TorchParameterNames.NumBatchesTrackedSuffix}", [], new long[1]);
        }
        return writer;
    }

    /// <summary>The file's floating-point tensors by the key they fill (prefix stripped, renamed); the rest as skipped.</summary>
    private static (Dictionary<string, SafeTensorInfo> ByKey, List<SkippedTensor> Skipped) MapFileTensors(SafeTensorsReader reader, TorchImportOptions options)
    {
        var byKey = new Dictionary<string, SafeTensorInfo>(StringComparer.Ordinal);
        var skipped = new List<SkippedTensor>();
        foreach (var tensor in reader.Tensors)
        {
            if (!tensor.DType.IsReadableAsSingle()) { skipped.Add(new SkippedTensor(tensor.Name, $"{tensor.DType.HeaderName()}, not floating point")); continue; }
            if (tensor.Shape.Any(d => d > int.MaxValue)) { skipped.Add(new SkippedTensor(tensor.Name, $"shape {tensor.ShapeText} is larger than any parameter")); continue; }
            string key = options.StripPrefix is { Length: > 0 } prefix && tensor.Name.StartsWith(prefix, StringComparison.Ordinal) ? tensor.Name[prefix.Length..] : tensor.Name;
            if (options.Rename is not null)
            {
                string? renamed = options.Rename(key);
                if (renamed is null) { skipped.Add(new SkippedTensor(tensor.Name, "ignored by the rename function")); continue; }
                key = renamed;
            }
            if (!byKey.TryAdd(key, tensor))
                throw new ArgumentException($"Tensors '{byKey[key].Name}' and '{tensor.Name}' both map to '{key}'; the prefix and renaming must keep names unique.", nameof(options));
        }
        return (byKey, skipped);
    }
}
