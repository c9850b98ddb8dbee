// What a transformer's loader reads from when a pipeline is loaded: the version it wrote, its main stream, and its
// named sub-models and streams, all bounded and validated by the archive reader.
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Persistence.Pipeline;

/// <summary>Passed to a registered loader (see <see cref="TransformerLoaders"/>) to rebuild one saved transformer.</summary>
public sealed class ModelLoadContext
{
    private readonly PipelineArchiveReader _archive;
    private readonly string _directory;
    private readonly int _depth;

    internal ModelLoadContext(PipelineArchiveReader archive, string directory, int depth, MLContext context, string signature, int version)
    {
        _archive = archive;
        _directory = directory;
        _depth = depth;
        Context = context;
        Signature = signature;
        Version = version;
        Reader = archive.OpenReader($"{directory}/{PipelineFormat.MainEntry}");
    }

    /// <summary>The context the model is loaded into (for logging and seeds).</summary>
    public MLContext Context { get; }

    /// <summary>The loader signature the transformer was saved with.</summary>
    public string Signature { get; }

    /// <summary>The layout version the transformer was saved with.</summary>
    public int Version { get; }

    /// <summary>The transformer's main stream.</summary>
    public ModelStreamReader Reader { get; }

    /// <summary>Fails with a clear message when the saved layout is newer than <paramref name="newestKnown"/> (saved by a newer library).</summary>
    public void CheckVersion(int newestKnown)
    {
        if (Version > newestKnown)
            throw new InvalidDataException($"Invalid model file: '{_directory}' ({Signature}) was saved with layout version {Version}, but this library reads up to {newestKnown}; upgrade Microsoft.ML.Cnn to load it.");
    }

    /// <summary>Loads the sub-model <paramref name="name"/>, which must be a <typeparamref name="TTransformer"/>.</summary>
    public TTransformer LoadSubModel<TTransformer>(string name) where TTransformer : ITransformer
    {
        var loaded = LoadSubModel(name);
        return loaded is TTransformer typed ? typed : throw new InvalidDataException(
            $"Invalid model file: '{_directory}/{name}' holds a {loaded.GetType().Name}, where a {typeof(TTransformer).Name} was expected.");
    }

    /// <summary>Loads the sub-model <paramref name="name"/>.</summary>
    public ITransformer LoadSubModel(string name)
    {
        CheckName(name);
        return Load(_archive, $"{_directory}/{name}", _depth + 1, Context);
    }

    /// <summary>Opens the binary stream <paramref name="name"/> (fully read and size-checked first).</summary>
    public Stream LoadStream(string name)
    {
        CheckName(name);
        return new MemoryStream(_archive.ReadEntry($"{_directory}/{name}.bin"), writable: false);
    }

    /// <summary>Reads the loader entry of <paramref name="directory"/> and runs the registered loader.</summary>
    internal static ITransformer Load(PipelineArchiveReader archive, string directory, int depth, MLContext context)
    {
        if (depth > PipelineFormat.MaxDepth) throw new InvalidDataException($"Invalid model file: sub-models nest deeper than {PipelineFormat.MaxDepth} levels at '{directory}'.");
        var header = archive.OpenReader($"{directory}/{PipelineFormat.LoaderEntry}");
        string signature = header.ReadString("loader signature");
        int version = header.ReadInt32(1, int.MaxValue, "loader version");
        header.RequireEnd();
        var loader = TransformerLoaders.Find(signature) ?? throw new InvalidDataException(
            $"Invalid model file: '{directory}' needs loader '{signature}', which this library does not have (known: {TransformerLoaders.KnownSignatures}). It was saved by a newer or extended library.");
        var loadContext = new ModelLoadContext(archive, directory, depth, context, signature, version);
        ITransformer transformer;
        try
        {
            transformer = loader(loadContext);
        }
        catch (ArgumentException e)
        {
            // A transformer's constructor rejecting a value read from the file (an empty column name, say) means the file is bad.
            throw new InvalidDataException($"Invalid model file: '{directory}' ({signature}) holds a value its transformer rejects: {e.Message}", e);
        }
        loadContext.Reader.RequireEnd();
        return transformer;
    }

    private void CheckName(string name)
    {
        if (name is null || !PipelineFormat.IsValidName(name)) throw new ArgumentException($"'{name}' is not a valid entry name.", nameof(name));
    }
}
