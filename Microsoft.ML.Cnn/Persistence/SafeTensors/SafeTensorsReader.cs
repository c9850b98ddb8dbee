// Reads a safetensors file (Hugging Face's format for named tensors) one tensor at a time, treating it as untrusted.
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Cnn.Persistence.SafeTensors;

/// <summary>
/// A safetensors file: an 8-byte little-endian header length N, N bytes of UTF-8 JSON describing every tensor
/// (<see cref="SafeTensorInfo"/>) and optional string metadata, then the data buffer the tensors tile exactly.
/// Opening reads and validates only the header (bounded by <see cref="MaxHeaderBytes"/> before anything is allocated);
/// each tensor is read on request straight from the stream, so a 500 MB file needs no second copy in memory.
/// Any violation of the format is an <see cref="InvalidDataException"/> naming the tensor and what is wrong.
/// Safetensors holds no code, unlike PyTorch's pickled .pth checkpoints, which this library never reads.
/// </summary>
public sealed class SafeTensorsReader : IDisposable
{
    /// <summary>The largest header read (100 MB, as the reference implementation allows).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    private const int ChunkBytes = 1 << 16;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _bufferStart;
    private readonly Dictionary<string, SafeTensorInfo> _byName;

    /// <summary>Reads and validates the header of a seekable stream positioned at the file's start.</summary>
    /// <param name="stream">The file's bytes; must support seeking (a FileStream or MemoryStream).</param>
    /// <param name="leaveOpen">Keep <paramref name="stream"/> open when the reader is disposed.</param>
    /// <exception cref="InvalidDataException">The header is truncated, too large, not strict JSON, or inconsistent with the data.</exception>
    public SafeTensorsReader(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("Reading safetensors needs a readable, seekable stream (e.g. a FileStream); copy other streams into a MemoryStream first.", nameof(stream));
        _stream = stream;
        _leaveOpen = leaveOpen;
        long start = stream.Position, available = stream.Length - start;
        Span<byte> lengthBytes = stackalloc byte[8];
        if (available < 8) throw SafeTensorsHeader.Invalid($"the file has {available} bytes, fewer than the 8-byte header length.");
        stream.ReadExactly(lengthBytes);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > MaxHeaderBytes) throw SafeTensorsHeader.Invalid($"the header claims {headerLength} bytes, more than the {MaxHeaderBytes} allowed.");
        if ((long)headerLength > available - 8)
            throw SafeTensorsHeader.Invalid($"the header claims {headerLength} bytes, but only {available - 8} follow the length (the file is truncated or not safetensors).");
        var json = new byte[headerLength];
        stream.ReadExactly(json);
        _bufferStart = start + 8 + (long)headerLength;
        var header = SafeTensorsHeader.Parse(json, available - 8 - (long)headerLength);
        Tensors = header.Tensors;
        Metadata = header.Metadata;
        _byName = header.Tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>Opens and validates the file at <paramref name="path"/>.</summary>
    public static SafeTensorsReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.RandomAccess);
        try
        {
            return new SafeTensorsReader(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Every tensor, in header order.</summary>
    public IReadOnlyList<SafeTensorInfo> Tensors { get; }

    /// <summary>The header's "__metadata__" strings (empty when absent).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensor named <paramref name="name"/>, if the file has one.</summary>
    public bool TryGetTensor(string name, out SafeTensorInfo tensor) => _byName.TryGetValue(name, out tensor!);

    /// <summary>The named tensor's values as float32 (row-major).</summary>
    /// <exception cref="KeyNotFoundException">The file has no such tensor.</exception>
    public float[] ReadSingles(string name)
    {
        if (!TryGetTensor(name, out var tensor)) throw new KeyNotFoundException($"The safetensors file has no tensor '{name}'.");
        if (tensor.ElementCount > Array.MaxLength) throw new NotSupportedException($"Tensor '{name}' has {tensor.ElementCount} values, more than one array holds.");
        var values = new float[tensor.ElementCount];
        ReadSingles(tensor, values);
        return values;
    }

    /// <summary>
    /// Converts <paramref name="tensor"/>'s values (F32, F16, BF16 or F64) to float32 into <paramref name="destination"/>,
    /// which must hold exactly its element count.
    /// </summary>
    /// <exception cref="NotSupportedException">The tensor's dtype is not a floating-point type read here.</exception>
    public void ReadSingles(SafeTensorInfo tensor, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!_byName.TryGetValue(tensor.Name, out var known) || known != tensor) throw new ArgumentException($"Tensor '{tensor.Name}' is not from this file.", nameof(tensor));
        if (!tensor.DType.IsReadableAsSingle()) throw new NotSupportedException($"Tensor '{tensor.Name}' is {tensor.DType.HeaderName()}; only F32, F16, BF16 and F64 are read as float32.");
        if (destination.Length != tensor.ElementCount)
            throw new ArgumentException($"Tensor '{tensor.Name}' has {tensor.ElementCount} values; the destination holds {destination.Length}.", nameof(destination));
        _stream.Position = _bufferStart + tensor.Begin;
        try
        {
            if (tensor.DType == SafeTensorsDType.F32) ReadF32(destination);
            else ReadConverted(tensor.DType, destination);
        }
        catch (EndOfStreamException)
        {
            throw SafeTensorsHeader.Invalid($"the data of tensor '{tensor.Name}' ends early; the file was truncated after it was opened.");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_leaveOpen) _stream.Dispose();
    }

    private void ReadF32(Span<float> destination)
    {
        _stream.ReadExactly(MemoryMarshal.AsBytes(destination));
        if (!BitConverter.IsLittleEndian)
        {
            var words = MemoryMarshal.Cast<float, int>(destination);
            BinaryPrimitives.ReverseEndianness(words, words);
        }
    }

    private void ReadConverted(SafeTensorsDType dtype, Span<float> destination)
    {
        int size = dtype.ElementSize();
        var chunk = new byte[ChunkBytes];
        for (int done = 0; done < destination.Length;)
        {
            int count = Math.Min(destination.Length - done, ChunkBytes / size);
            var bytes = chunk.AsSpan(0, count * size);
            _stream.ReadExactly(bytes);
            var target = destination.Slice(done, count);
            for (int i = 0; i < count; i++)
            {
                var element = bytes.Slice(i * size, size);
                target[i] = dtype switch
                {
                    SafeTensorsDType.F16 => (float)BinaryPrimitives.ReadHalfLittleEndian(element),
                    SafeTensorsDType.BF16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(element) << 16),
                    _ => (float)BinaryPrimitives.ReadDoubleLittleEndian(element),
                };
            }
            done += count;
        }
    }
}
