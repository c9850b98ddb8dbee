// The pipeline model zip: a manifest (format and version), the input schema, and the transformer tree under
// "Model/". Saving to a path is atomic: the zip is written and flushed to a temporary file beside the target and
// then renamed over it, so a crash mid-write leaves the old file (or none), never a partial one.
using System.IO.Compression;
using System.Text;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Persistence.Pipeline;

internal static class PipelineArchive
{
    public static void Save(ITransformer model, DataViewSchema? inputSchema, Stream destination)
    {
        using var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var manifest = new StreamWriter(archive.CreateEntry(PipelineFormat.ManifestEntry).Open(), new UTF8Encoding(false)))
        {
            manifest.Write($"{PipelineFormat.Magic}\nFormatVersion: {PipelineFormat.CurrentVersion}\nLibrary: {typeof(PipelineArchive).Assembly.GetName().Version}\n");
        }
        using (var schemaEntry = archive.CreateEntry(PipelineFormat.SchemaEntry, CompressionLevel.Optimal).Open())
        {
            var writer = new ModelStreamWriter(schemaEntry);
            writer.WriteBool(inputSchema is not null);
            if (inputSchema is not null) SchemaCodec.Write(writer, inputSchema);
        }
        var root = new ModelSaveContext(archive, PipelineFormat.RootDirectory, depth: 0);
        model.Save(root);
        root.Complete(model);
    }

    public static void Save(ITransformer model, DataViewSchema? inputSchema, string path)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no directory.", nameof(path));
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Cannot save the model to '{path}': directory '{directory}' does not exist.");
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Save(model, inputSchema, file);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public static ITransformer Load(Stream source, string sourceName, MLContext context, out DataViewSchema? inputSchema)
    {
        using var archive = new PipelineArchiveReader(source, sourceName);
        CheckManifest(archive.ReadEntry(PipelineFormat.ManifestEntry), sourceName);
        var schemaReader = archive.OpenReader(PipelineFormat.SchemaEntry);
        inputSchema = schemaReader.ReadBool("schema presence flag") ? SchemaCodec.Read(schemaReader) : null;
        schemaReader.RequireEnd();
        return ModelLoadContext.Load(archive, PipelineFormat.RootDirectory, depth: 0, context);
    }

    private static void CheckManifest(byte[] bytes, string source)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"Invalid model file '{source}': the manifest is not UTF-8 text.");
        }
        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[0] != PipelineFormat.Magic)
            throw new InvalidDataException($"'{source}' is not a Microsoft.ML.Cnn model (its manifest does not start with '{PipelineFormat.Magic}'). An ML.NET model.zip cannot be loaded here; load it with ML.NET.");
        const string prefix = "FormatVersion: ";
        if (!lines[1].StartsWith(prefix, StringComparison.Ordinal) || !int.TryParse(lines[1].AsSpan(prefix.Length), out int version) || version < 1)
            throw new InvalidDataException($"Invalid model file '{source}': the manifest's second line should be '{prefix}N'.");
        if (version > PipelineFormat.CurrentVersion)
            throw new InvalidDataException($"'{source}' uses model format version {version}; this library reads up to {PipelineFormat.CurrentVersion}. Upgrade Microsoft.ML.Cnn to load it.");
    }
}
