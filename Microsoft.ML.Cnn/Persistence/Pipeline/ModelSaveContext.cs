// What a transformer writes itself into when a pipeline is saved: its loader, its main stream, named sub-models
// (e.g. each step of a chain) and named binary streams (e.g. a network file), all inside one zip directory.
using System.IO.Compression;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Persistence.Pipeline;

/// <summary>
/// Passed to <see cref="ITransformer.Save"/>. A transformer calls <see cref="SetLoader"/> once with the signature its
/// static loader is registered under (see <see cref="TransformerLoaders"/>) and writes its state to <see cref="Writer"/>.
/// Unlike ML.NET's, every member is public, so transformers outside this library can be saved too.
/// </summary>
public sealed class ModelSaveContext
{
    private readonly ZipArchive _archive;
    private readonly string _directory;
    private readonly int _depth;
    private readonly MemoryStream _main = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private (string Signature, int Version)? _loader;

    internal ModelSaveContext(ZipArchive archive, string directory, int depth)
    {
        _archive = archive;
        _directory = directory;
        _depth = depth;
        Writer = new ModelStreamWriter(_main);
    }

    /// <summary>The transformer's main stream.</summary>
    public ModelStreamWriter Writer { get; }

    /// <summary>
    /// Names the loader that reads this transformer back and the version of the layout written (the loader sees it as
    /// <see cref="ModelLoadContext.Version"/>). Call exactly once.
    /// </summary>
    public void SetLoader(string signature, int version)
    {
        ArgumentException.ThrowIfNullOrEmpty(signature);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        if (_loader is not null) throw new InvalidOperationException($"SetLoader was already called (with '{_loader.Value.Signature}') for '{_directory}'.");
        if (!TransformerLoaders.IsRegistered(signature))
            throw new InvalidOperationException($"No loader is registered for signature '{signature}'; register it in TransformerLoaders, or the saved model could not be loaded.");
        _loader = (signature, version);
    }

    /// <summary>Saves <paramref name="transformer"/> as the sub-model <paramref name="name"/> (read back with <see cref="ModelLoadContext.LoadSubModel{T}"/>).</summary>
    public void SaveSubModel(string name, ITransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        Reserve(name);
        if (_depth + 1 > PipelineFormat.MaxDepth) throw new NotSupportedException($"Sub-models nest deeper than {PipelineFormat.MaxDepth} levels at '{_directory}'.");
        var child = new ModelSaveContext(_archive, $"{_directory}/{name}", _depth + 1);
        transformer.Save(child);
        child.Complete(transformer);
    }

    /// <summary>Writes a binary stream <paramref name="name"/> (e.g. a network file) read back with <see cref="ModelLoadContext.LoadStream"/>.</summary>
    public void SaveStream(string name, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Reserve(name);
        using var entry = _archive.CreateEntry($"{_directory}/{name}.bin", CompressionLevel.Optimal).Open();
        write(entry);
    }

    /// <summary>Writes the loader and main entries once the transformer's Save returned.</summary>
    internal void Complete(ITransformer transformer)
    {
        if (_loader is not { } loader)
            throw new InvalidOperationException($"{transformer.GetType().Name}.Save did not call SetLoader; it cannot be loaded back.");
        using (var entry = _archive.CreateEntry($"{_directory}/{PipelineFormat.LoaderEntry}", CompressionLevel.Optimal).Open())
        {
            var writer = new ModelStreamWriter(entry);
            writer.WriteString(loader.Signature);
            writer.WriteInt32(loader.Version);
        }
        using (var entry = _archive.CreateEntry($"{_directory}/{PipelineFormat.MainEntry}", CompressionLevel.Optimal).Open())
            _main.WriteTo(entry);
    }

    private void Reserve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!PipelineFormat.IsValidName(name) || name is "Loader" or "Model")
            throw new ArgumentException($"'{name}' is not a usable entry name: use 1-64 letters, digits, '_' or '-', other than 'Loader' and 'Model'.", nameof(name));
        if (!_names.Add(name)) throw new ArgumentException($"'{name}' was already saved in '{_directory}'.", nameof(name));
    }
}
