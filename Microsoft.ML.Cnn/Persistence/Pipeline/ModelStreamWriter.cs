// Little-endian writer of one stream inside a model zip: the counterpart of ModelStreamReader, value for value.
using System.Buffers.Binary;
using System.Text;
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Persistence.Pipeline;

/// <summary>
/// Writes a transformer's state. Every variable-length value is length-prefixed so <see cref="ModelStreamReader"/> can
/// bound it before allocating; strings are UTF-8 with an int32 byte count.
/// </summary>
public sealed class ModelStreamWriter
{
    private readonly Stream _stream;
    private readonly byte[] _scratch = new byte[8];

    internal ModelStreamWriter(Stream stream) => _stream = stream;

    /// <summary>One byte.</summary>
    public void WriteByte(byte value) => _stream.WriteByte(value);

    /// <summary>0 or 1.</summary>
    public void WriteBool(bool value) => _stream.WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>int32.</summary>
    public void WriteInt32(int value) { BinaryPrimitives.WriteInt32LittleEndian(_scratch, value); _stream.Write(_scratch, 0, 4); }

    /// <summary>int64.</summary>
    public void WriteInt64(long value) { BinaryPrimitives.WriteInt64LittleEndian(_scratch, value); _stream.Write(_scratch, 0, 8); }

    /// <summary>float32.</summary>
    public void WriteSingle(float value) { BinaryPrimitives.WriteSingleLittleEndian(_scratch, value); _stream.Write(_scratch, 0, 4); }

    /// <summary>float64.</summary>
    public void WriteDouble(double value) { BinaryPrimitives.WriteDoubleLittleEndian(_scratch, value); _stream.Write(_scratch, 0, 8); }

    /// <summary>An enum as its int32 value; read back with <see cref="ModelStreamReader.ReadEnum{TEnum}"/>, which checks it.</summary>
    public void WriteEnum<TEnum>(TEnum value) where TEnum : struct, Enum => WriteInt32(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>int32 UTF-8 byte count, then the bytes.</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length > PipelineFormat.MaxStringBytes)
            throw new NotSupportedException($"A string of {bytes.Length} UTF-8 bytes is longer than a model file holds ({PipelineFormat.MaxStringBytes}).");
        WriteInt32(bytes.Length);
        _stream.Write(bytes);
    }

    /// <summary>A nullable string: a presence flag, then the string.</summary>
    public void WriteNullableString(string? value)
    {
        WriteBool(value is not null);
        if (value is not null) WriteString(value);
    }

    /// <summary>int32 count, then each string.</summary>
    public void WriteStrings(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        WriteInt32(values.Count);
        foreach (var value in values) WriteString(value);
    }

    /// <summary>int32 count, then the int32 values.</summary>
    public void WriteInt32s(ReadOnlySpan<int> values)
    {
        WriteInt32(values.Length);
        foreach (int value in values) WriteInt32(value);
    }

    /// <summary>int32 count, then the float32 values.</summary>
    public void WriteSingles(ReadOnlySpan<float> values)
    {
        WriteInt32(values.Length);
        Span<byte> buffer = stackalloc byte[4096];
        while (!values.IsEmpty)
        {
            int count = Math.Min(values.Length, buffer.Length / 4);
            for (int i = 0; i < count; i++) BinaryPrimitives.WriteSingleLittleEndian(buffer[(4 * i)..], values[i]);
            _stream.Write(buffer[..(4 * count)]);
            values = values[count..];
        }
    }

    /// <summary>int32 count, then the float64 values.</summary>
    public void WriteDoubles(ReadOnlySpan<double> values)
    {
        WriteInt32(values.Length);
        foreach (double value in values) WriteDouble(value);
    }

    /// <summary>A column type (see <see cref="DataViewTypeCodec"/> for the ones a model file can hold).</summary>
    public void WriteType(DataViewType type) => DataViewTypeCodec.Write(this, type);
}
