// mlContext.Model: saving and loading whole fitted pipelines as one zip (and, in the partial files beside it,
// prediction engines for single rows).
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn;

/// <summary>Operations on fitted models, reached as <c>mlContext.Model</c>.</summary>
/// <remarks>
/// The model file is a zip holding a manifest, the input schema and each transformer's fitted state (networks in the
/// engine's checksummed format). Loading treats the file as untrusted: no code runs, no type is named by the file
/// (loaders come from an explicit table), entry names are restricted to a safe pattern and never touch the disk,
/// and every count and size is bounded before anything is allocated. Problems raise <see cref="InvalidDataException"/>.
/// </remarks>
public sealed partial class ModelOperationsCatalog
{
    private readonly MLContext _context;

    internal ModelOperationsCatalog(MLContext context) => _context = context;

    /// <summary>
    /// Saves <paramref name="model"/> and <paramref name="inputSchema"/> (the schema of the data it was fitted on; may be
    /// null) to <paramref name="filePath"/>, atomically: a crash mid-write leaves any previous file untouched.
    /// </summary>
    public void Save(ITransformer model, DataViewSchema? inputSchema, string filePath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        PipelineArchive.Save(model, inputSchema, filePath);
    }

    /// <summary>Saves <paramref name="model"/> and <paramref name="inputSchema"/> to <paramref name="stream"/> (left open).</summary>
    public void Save(ITransformer model, DataViewSchema? inputSchema, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        PipelineArchive.Save(model, inputSchema, stream);
    }

    /// <summary>Loads a model saved by <see cref="Save(ITransformer, DataViewSchema?, string)"/>; <paramref name="inputSchema"/> is the schema saved with it.</summary>
    /// <exception cref="InvalidDataException">The file is not a model of this library, is corrupt, or is from a newer version.</exception>
    public ITransformer Load(string filePath, out DataViewSchema? inputSchema)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        if (!File.Exists(filePath)) throw new FileNotFoundException($"No model file at '{filePath}'.", filePath);
        using var file = File.OpenRead(filePath);
        return PipelineArchive.Load(file, filePath, _context, out inputSchema);
    }

    /// <summary>Loads a model from <paramref name="stream"/> (which must be seekable, as a zip needs).</summary>
    public ITransformer Load(Stream stream, out DataViewSchema? inputSchema)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // ZipArchive would silently copy a non-seekable stream into memory, however long it is.
        if (!stream.CanSeek || !stream.CanRead)
            throw new ArgumentException("The model stream must be readable and seekable (a zip is read from its end); copy it to a file or MemoryStream first.", nameof(stream));
        return PipelineArchive.Load(stream, "stream", _context, out inputSchema);
    }
}
