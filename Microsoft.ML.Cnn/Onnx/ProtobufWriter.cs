// The subset of the protobuf wire format (https://protobuf.dev/programming-guides/encoding/) that an ONNX file needs:
// varints, fixed32 floats and length-delimited strings, bytes and nested messages. No generated code, no dependency.
using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Microsoft.ML.Cnn.Onnx;

/// <summary>The wire types used here (protobuf's numbering).</summary>
internal enum WireType : byte
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    Fixed32 = 5,
}

/// <summary>
/// Appends protobuf fields to a growing buffer. A nested message is written into its own writer first, because its
/// length prefix comes before it; ONNX messages are small except initializers, which are copied once.
/// </summary>
internal sealed class ProtobufWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>A varint field; negative values take ten bytes, as protobuf encodes int32 and int64 alike.</summary>
    public void WriteInt64(int field, long value)
    {
        WriteTag(field, WireType.Varint);
        WriteVarint(unchecked((ulong)value));
    }

    /// <summary>A float field (fixed32, little-endian).</summary>
    public void WriteFloat(int field, float value)
    {
        WriteTag(field, WireType.Fixed32);
        BinaryPrimitives.WriteSingleLittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    /// <summary>A UTF-8 string field.</summary>
    public void WriteString(int field, string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        WriteTag(field, WireType.LengthDelimited);
        WriteVarint((ulong)length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    /// <summary>A bytes field.</summary>
    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, WireType.LengthDelimited);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    /// <summary>A nested message field: <paramref name="write"/> fills a fresh writer, whose bytes follow their length.</summary>
    public void WriteMessage<T>(int field, T value, Action<ProtobufWriter, T> write)
    {
        var nested = new ProtobufWriter();
        write(nested, value);
        WriteBytes(field, nested.WrittenSpan);
    }

    /// <summary>The key of a field: (number &lt;&lt; 3) | wire type, as a varint.</summary>
    public void WriteTag(int field, WireType wireType)
    {
        if (field < 1 || field > (1 << 29) - 1) throw new ArgumentOutOfRangeException(nameof(field), field, "Protobuf field numbers are 1 to 2^29 - 1.");
        WriteVarint(((ulong)field << 3) | (byte)wireType);
    }

    /// <summary>Seven bits per byte, least significant group first, the high bit set on every byte but the last.</summary>
    public void WriteVarint(ulong value)
    {
        var span = _buffer.GetSpan(10);
        int count = 0;
        while (value >= 0x80)
        {
            span[count++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[count++] = (byte)value;
        _buffer.Advance(count);
    }
}
