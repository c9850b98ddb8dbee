// Opens a model zip as untrusted input: entry names must match the format's pattern (nothing can name a path outside
// the archive, and nothing is ever written to disk), counts and sizes are bounded, and entries are read with a hard
// cap whatever their headers claim.
using System.IO.Compression;

namespace Microsoft.ML.Cnn.Persistence.Pipeline;

internal sealed class PipelineArchiveReader : IDisposable
{
    /// <summary>The first buffer of an entry read; it doubles as bytes arrive, up to the declared size.</summary>
    private const int InitialBufferBytes = 64 * 1024;

    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);
    private readonly string _source;
    private long _bytesRead;

    public PipelineArchiveReader(Stream stream, string source)
    {
        _source = source;
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            _archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            entries = _archive.Entries; // the central directory is read here, so its errors are caught here too
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Invalid model file '{source}': it is not a zip archive, or its directory is corrupt ({e.Message}).", e);
        }
        if (entries.Count > PipelineFormat.MaxEntries)
            throw Invalid($"it has {entries.Count} entries; at most {PipelineFormat.MaxEntries} are allowed.");
        // Checked before the entry names, so a foreign zip (an ML.NET model.zip has "Model.key" entries) is named as such.
        if (_archive.GetEntry(PipelineFormat.ManifestEntry) is null)
            throw new InvalidDataException($"'{source}' is not a Microsoft.ML.Cnn model: it has no {PipelineFormat.ManifestEntry} entry. " +
                "An ML.NET model.zip cannot be loaded here; load it with ML.NET.");
        foreach (var entry in entries)
        {
            if (!PipelineFormat.IsValidEntryPath(entry.FullName))
                throw Invalid($"entry name '{Printable(entry.FullName)}' is not allowed (names are letters, digits, '_' and '-' joined by '/').");
            if (entry.Length > PipelineFormat.MaxEntryBytes)
                throw Invalid($"entry '{entry.FullName}' claims {entry.Length} bytes; at most {PipelineFormat.MaxEntryBytes} are allowed.");
            if (!_entries.TryAdd(entry.FullName, entry)) throw Invalid($"entry '{entry.FullName}' appears twice.");
        }
    }

    /// <summary>A reader over the whole entry <paramref name="path"/>.</summary>
    public ModelStreamReader OpenReader(string path) => new(ReadEntry(path), path);

    /// <summary>
    /// The bytes of entry <paramref name="path"/>; fails when missing, shorter or longer than its header says, over the
    /// limits, or not matching its CRC-32. The header's size bounds the read but is not trusted for allocation: the buffer
    /// grows with the bytes that really arrive, so a tiny entry claiming gigabytes costs nothing.
    /// </summary>
    public byte[] ReadEntry(string path)
    {
        if (!_entries.TryGetValue(path, out var entry)) throw Invalid($"entry '{path}' is missing.");
        long declared = entry.Length;
        if (_bytesRead + declared > PipelineFormat.MaxTotalBytes)
            throw Invalid($"its entries add up to more than {PipelineFormat.MaxTotalBytes} bytes.");
        var bytes = new byte[(int)Math.Min(declared, InitialBufferBytes)];
        int read = 0;
        try
        {
            using var stream = entry.Open();
            while (read < declared)
            {
                if (read == bytes.Length) Array.Resize(ref bytes, (int)Math.Min(declared, 2L * bytes.Length));
                int n = stream.Read(bytes, read, bytes.Length - read);
                if (n == 0) throw Invalid($"entry '{path}' ends after {read} of its {declared} bytes.");
                read += n;
            }
            if (stream.ReadByte() != -1) throw Invalid($"entry '{path}' holds more bytes than its header's {declared}.");
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith("Invalid model file", StringComparison.Ordinal))
        {
            throw Invalid($"entry '{path}' is corrupt ({e.Message}).");
        }
        if (ZipCrc32.Compute(bytes) != entry.Crc32)
            throw Invalid($"entry '{path}' is corrupt: its contents do not match the CRC-32 in its header.");
        _bytesRead += declared;
        return bytes;
    }

    public void Dispose() => _archive.Dispose();

    private InvalidDataException Invalid(string reason) => new($"Invalid model file '{_source}': {reason}");

    private static string Printable(string name) =>
        new(name.Take(100).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
