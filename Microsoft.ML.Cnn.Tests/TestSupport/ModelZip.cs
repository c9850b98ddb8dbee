// Builds and doctors model zips for the persistence tests: save to bytes, list and rebuild entries, write raw streams,
// and patch the sizes a zip's headers declare (to make an entry lie about its length).
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class ModelZip
{
    /// <summary>The model zip of <paramref name="model"/> and <paramref name="schema"/>, as bytes.</summary>
    public static byte[] Save(ITransformer model, DataViewSchema? schema)
    {
        using var stream = new MemoryStream();
        new MLContext(1).Model.Save(model, schema, stream);
        return stream.ToArray();
    }

    /// <summary>Loads a model zip from bytes.</summary>
    public static ITransformer Load(byte[] zip, out DataViewSchema? schema)
    {
        using var stream = new MemoryStream(zip, writable: false);
        return new MLContext(2).Model.Load(stream, out schema);
    }

    /// <summary>Loading <paramref name="zip"/> fails with an InvalidDataException; returns its message.</summary>
    public static string LoadError(byte[] zip) => Assert.ThrowsExactly<InvalidDataException>(() => Load(zip, out _)).Message;

    /// <summary>The entries of a zip, in order.</summary>
    public static List<(string Name, byte[] Data)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entries = new List<(string, byte[])>();
        foreach (var entry in archive.Entries)
        {
            using var data = entry.Open();
            using var copy = new MemoryStream();
            data.CopyTo(copy);
            entries.Add((entry.FullName, copy.ToArray()));
        }
        return entries;
    }

    /// <summary>A zip of <paramref name="entries"/>.</summary>
    public static byte[] Build(IEnumerable<(string Name, byte[] Data)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var entry = archive.CreateEntry(name, level).Open();
                entry.Write(data);
            }
        }
        return stream.ToArray();
    }

    /// <summary><paramref name="zip"/> with entry <paramref name="name"/> replaced by <paramref name="data"/> (or removed when null).</summary>
    public static byte[] Replace(byte[] zip, string name, byte[]? data)
    {
        var entries = Entries(zip);
        int index = entries.FindIndex(e => e.Name == name);
        Assert.IsGreaterThanOrEqualTo(0, index, $"no entry '{name}' in [{string.Join(", ", entries.Select(e => e.Name))}]");
        if (data is null) entries.RemoveAt(index);
        else entries[index] = (name, data);
        return Build(entries);
    }

    /// <summary><paramref name="zip"/> with <paramref name="name"/> added.</summary>
    public static byte[] Add(byte[] zip, string name, byte[] data) => Build([.. Entries(zip), (name, data)]);

    /// <summary>The bytes a <see cref="ModelStreamWriter"/> writes.</summary>
    public static byte[] Stream(Action<ModelStreamWriter> write)
    {
        using var stream = new MemoryStream();
        write(new ModelStreamWriter(stream));
        return stream.ToArray();
    }

    /// <summary>A loader entry: signature and version.</summary>
    public static byte[] LoaderEntry(string signature, int version) => Stream(w => { w.WriteString(signature); w.WriteInt32(version); });

    /// <summary>A minimal valid archive whose root model is built from <paramref name="modelEntries"/> (paths under "Model/").</summary>
    public static byte[] Minimal(params (string Name, byte[] Data)[] modelEntries) =>
        Build([("Manifest.txt", Encoding.UTF8.GetBytes($"{PipelineFormat.Magic}\nFormatVersion: 1\n")), ("Schema.bin", [0]), .. modelEntries]);

    /// <summary>
    /// <paramref name="zip"/> with the uncompressed size that both the central directory and the local header declare for
    /// <paramref name="name"/> set to <paramref name="size"/>.
    /// </summary>
    public static byte[] PatchDeclaredSize(byte[] zip, string name, uint size)
    {
        var bytes = (byte[])zip.Clone();
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        int patched = 0;
        for (int i = 0; i + 46 <= bytes.Length; i++)
        {
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            (int nameLengthAt, int nameAt, int sizeAt) = signature switch
            {
                0x02014b50 => (28, 46, 24), // central directory file header
                0x04034b50 => (26, 30, 22), // local file header
                _ => (-1, 0, 0),
            };
            if (nameLengthAt < 0 || BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + nameLengthAt)) != nameBytes.Length) continue;
            if (!bytes.AsSpan(i + nameAt, nameBytes.Length).SequenceEqual(nameBytes)) continue;
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeAt), size);
            patched++;
        }
        Assert.AreEqual(2, patched, $"entry '{name}' should have a local and a central header");
        return bytes;
    }
}
