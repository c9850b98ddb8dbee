// Writes named tensors as a safetensors file (float32 weights, and int64 scalars such as num_batches_tracked).
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Microsoft.ML.Cnn.Persistence.SafeTensors;

/// <summary>
/// Collects tensors, then writes them as one safetensors file (readable by Hugging Face's safetensors and by
/// <see cref="SafeTensorsReader"/>): the JSON header padded with spaces to a multiple of 8 bytes, then each tensor's
/// bytes in the order added. The arrays are referenced, not copied, until <see cref="WriteTo"/>.
/// </summary>
public sealed class SafeTensorsWriter
{
    private readonly List<Entry> _entries = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Free-form strings stored under the header's "__metadata__" key.</summary>
    public IDictionary<string, string> Metadata { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Adds a float32 (F32) tensor of <paramref name="shape"/> with row-major <paramref name="values"/>.</summary>
    public void Add(string name, IReadOnlyList<int> shape, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        AddEntry(name, SafeTensorsDType.F32, shape, values.Length, new Entry(name, SafeTensorsDType.F32, shape.ToArray(), values, null, null));
    }

    /// <summary>Adds an int64 (I64) tensor, e.g. a BatchNorm's num_batches_tracked scalar (shape []).</summary>
    public void Add(string name, IReadOnlyList<int> shape, long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        AddEntry(name, SafeTensorsDType.I64, shape, values.Length, new Entry(name, SafeTensorsDType.I64, shape.ToArray(), null, values, null));
    }

    /// <summary>Adds a tensor of any dtype from its little-endian bytes, e.g. F16 or BF16 data prepared elsewhere.</summary>
    public void Add(string name, SafeTensorsDType dtype, IReadOnlyList<int> shape, byte[] littleEndianBytes)
    {
        ArgumentNullException.ThrowIfNull(littleEndianBytes);
        int size = dtype.ElementSize();
        if (littleEndianBytes.Length % size != 0)
            throw new ArgumentException($"Tensor '{name}' has {littleEndianBytes.Length} bytes, not a whole number of {size}-byte {dtype.HeaderName()} elements.", nameof(littleEndianBytes));
        AddEntry(name, dtype, shape, littleEndianBytes.Length / size, new Entry(name, dtype, shape.ToArray(), null, null, littleEndianBytes));
    }

    /// <summary>Writes the header and every tensor to <paramref name="destination"/>.</summary>
    public void WriteTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        byte[] header = Header();
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        destination.Write(length);
        destination.Write(header);
        foreach (var entry in _entries) entry.WriteData(destination);
    }

    /// <summary>Writes the file at <paramref name="path"/> (replacing it) through a temporary file, so a failed write leaves no partial file.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string temporary = path + ".tmp";
        using (var file = File.Create(temporary)) WriteTo(file);
        File.Move(temporary, path, overwrite: true);
    }

    private void AddEntry(string name, SafeTensorsDType dtype, IReadOnlyList<int> shape, long elements, Entry entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shape);
        if (name == SafeTensorsHeader.MetadataKey) throw new ArgumentException($"'{name}' is reserved for metadata; name the tensor otherwise.", nameof(name));
        long expected = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"Tensor '{name}' has a negative dimension in [{string.Join(", ", shape)}].", nameof(shape));
            expected *= d;
        }
        if (expected != elements)
            throw new ArgumentException($"Tensor '{name}' has shape [{string.Join(", ", shape)}] ({expected} values) but {elements} {dtype.HeaderName()} values were given.", nameof(shape));
        if (!_names.Add(name)) throw new ArgumentException($"Tensor '{name}' was added twice.", nameof(name));
        _entries.Add(entry);
    }

    private byte[] Header()
    {
        var json = new MemoryStream();
        using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartObject();
            if (Metadata.Count > 0)
            {
                w.WriteStartObject(SafeTensorsHeader.MetadataKey);
                foreach (var (key, value) in Metadata) w.WriteString(key, value);
                w.WriteEndObject();
            }
            long offset = 0;
            foreach (var entry in _entries)
            {
                long end = offset + entry.ByteLength;
                w.WriteStartObject(entry.Name);
                w.WriteString("dtype", entry.DType.HeaderName());
                w.WriteStartArray("shape");
                foreach (int d in entry.Shape) w.WriteNumberValue(d);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                w.WriteNumberValue(end);
                w.WriteEndArray();
                w.WriteEndObject();
                offset = end;
            }
            w.WriteEndObject();
        }
        // Pad with spaces so the data buffer starts 8-byte aligned, as the reference writer does.
        int padding = (int)((8 - json.Length % 8) % 8);
        json.Write(Encoding.ASCII.GetBytes(new string(' ', padding)));
        return json.ToArray();
    }

    private sealed record Entry(string Name, SafeTensorsDType DType, int[] Shape, float[]? Singles, long[]? Longs, byte[]? Bytes)
    {
        public long ByteLength => Singles?.LongLength * 4 ?? Longs?.LongLength * 8 ?? Bytes!.LongLength;

        public void WriteData(Stream destination)
        {
            if (Bytes is not null) { destination.Write(Bytes); return; }
            if (BitConverter.IsLittleEndian)
            {
                if (Singles is not null) destination.Write(MemoryMarshal.AsBytes(Singles.AsSpan()));
                else destination.Write(MemoryMarshal.AsBytes(Longs.AsSpan()));
                return;
            }
            Span<byte> element = stackalloc byte[8];
            foreach (float v in Singles ?? []) { BinaryPrimitives.WriteSingleLittleEndian(element, v); destination.Write(element[..4]); }
            foreach (long v in Longs ?? []) { BinaryPrimitives.WriteInt64LittleEndian(element, v); destination.Write(element); }
        }
    }
}
