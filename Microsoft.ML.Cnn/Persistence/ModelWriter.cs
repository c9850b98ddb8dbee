// Little-endian primitives of the model format on top of a stream.
using System.Buffers.Binary;
using System.Text;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Persistence;

internal sealed class ModelWriter(Stream stream)
{
    private readonly byte[] _scratch = new byte[8];

    public void WriteByte(byte value) => stream.WriteByte(value);

    public void WriteBool(bool value) => stream.WriteByte(value ? (byte)1 : (byte)0);

    public void WriteUInt16(ushort value) { BinaryPrimitives.WriteUInt16LittleEndian(_scratch, value); stream.Write(_scratch, 0, 2); }

    public void WriteInt32(int value) { BinaryPrimitives.WriteInt32LittleEndian(_scratch, value); stream.Write(_scratch, 0, 4); }

    public void WriteInt64(long value) { BinaryPrimitives.WriteInt64LittleEndian(_scratch, value); stream.Write(_scratch, 0, 8); }

    public void WriteSingle(float value) { BinaryPrimitives.WriteSingleLittleEndian(_scratch, value); stream.Write(_scratch, 0, 4); }

    /// <summary>uint16 byte count, then UTF-8.</summary>
    public void WriteString(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length > ModelFormat.MaxStringBytes)
            throw new NotSupportedException($"'{value[..40]}...' is {bytes.Length} UTF-8 bytes; names in a model file are at most {ModelFormat.MaxStringBytes}.");
        WriteUInt16((ushort)bytes.Length);
        stream.Write(bytes);
    }

    /// <summary>int32 rank, then int32 dimensions.</summary>
    public void WriteShape(Shape shape)
    {
        WriteInt32(shape.Rank);
        foreach (int d in shape) WriteInt32(d);
    }

    public void WritePair((int A, int B) pair) { WriteInt32(pair.A); WriteInt32(pair.B); }

    /// <summary>byte mode, then int32 top, bottom, left, right.</summary>
    public void WritePadding(Padding padding)
    {
        WriteByte((byte)padding.Mode);
        WriteInt32(padding.Amounts.Top); WriteInt32(padding.Amounts.Bottom);
        WriteInt32(padding.Amounts.Left); WriteInt32(padding.Amounts.Right);
    }

    public void WriteFloats(ReadOnlySpan<float> values)
    {
        Span<byte> buffer = stackalloc byte[4096];
        while (!values.IsEmpty)
        {
            int count = Math.Min(values.Length, buffer.Length / 4);
            for (int i = 0; i < count; i++) BinaryPrimitives.WriteSingleLittleEndian(buffer[(4 * i)..], values[i]);
            stream.Write(buffer[..(4 * count)]);
            values = values[count..];
        }
    }
}
