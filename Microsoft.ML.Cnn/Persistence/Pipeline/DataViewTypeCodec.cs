// The column types a model file can hold, each with a pinned one-byte tag (never renumber: files depend on them).
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;

namespace Microsoft.ML.Cnn.Persistence.Pipeline;

internal static class DataViewTypeCodec
{
    private enum Tag : byte
    {
        Single = 1, Double = 2, Int32 = 3, UInt32 = 4, Byte = 5, Boolean = 6, Text = 7, Key = 8, Vector = 9, Image = 10,
    }

    private const int MaxVectorDimensions = 8;

    /// <summary>Whether <paramref name="type"/> can be written (primitives, keys, vectors of them, images).</summary>
    public static bool CanWrite(DataViewType type) => type switch
    {
        VectorDataViewType vector => TagOf(vector.ItemType) is not null && VectorShapeError(vector.Dimensions) is null,
        ImageDataViewType => true,
        _ => TagOf(type) is not null,
    };

    /// <summary>Why a vector of <paramref name="dims"/> cannot be in a model file, or null; the writer and reader share it.</summary>
    private static string? VectorShapeError(IReadOnlyList<int> dims)
    {
        if (dims.Count is 0 or > MaxVectorDimensions) return $"a vector has {dims.Count} dimensions; 1 to {MaxVectorDimensions} are allowed.";
        long size = 1;
        foreach (int d in dims)
        {
            if (d < 0) return $"vector dimension {d} is negative.";
            size *= d;
            if (size > int.MaxValue) return $"vector of dimensions [{string.Join(", ", dims)}] is too large.";
        }
        return dims.Count > 1 && size == 0 ? $"a multi-dimensional vector needs known dimensions, not [{string.Join(", ", dims)}]." : null;
    }

    public static void Write(ModelStreamWriter writer, DataViewType type)
    {
        switch (type)
        {
            case VectorDataViewType vector:
                if (VectorShapeError(vector.Dimensions) is { } problem) throw new NotSupportedException($"Column type {vector} cannot be saved in a model file: {problem}");
                writer.WriteByte((byte)Tag.Vector);
                Write(writer, vector.ItemType);
                writer.WriteInt32s(vector.Dimensions.ToArray());
                return;
            case ImageDataViewType image:
                writer.WriteByte((byte)Tag.Image);
                writer.WriteInt32(image.Height);
                writer.WriteInt32(image.Width);
                return;
            case KeyDataViewType key:
                writer.WriteByte((byte)Tag.Key);
                writer.WriteByte((byte)(key.RawType == typeof(byte) ? Tag.Byte : Tag.UInt32));
                writer.WriteInt64((long)key.Count);
                return;
        }
        var tag = TagOf(type) ?? throw new NotSupportedException($"Column type {type} cannot be saved in a model file.");
        writer.WriteByte((byte)tag);
    }

    public static DataViewType Read(ModelStreamReader reader, string what)
    {
        var tag = (Tag)reader.ReadByte();
        switch (tag)
        {
            case Tag.Vector:
                // The item is read as a primitive, never recursively: a run of vector tags must not nest the reader's stack.
                var itemTag = (Tag)reader.ReadByte();
                if (itemTag is Tag.Vector or Tag.Image) throw reader.Invalid($"{what}: a vector's items must be primitive, not {itemTag}.");
                var item = ReadPrimitive(reader, itemTag, what);
                var dims = reader.ReadInt32s($"{what} dimensions");
                if (VectorShapeError(dims) is { } problem) throw reader.Invalid($"{what}: {problem}");
                return new VectorDataViewType(item, dims);
            case Tag.Image:
                int height = reader.ReadInt32(0, 1 << 20, $"{what} image height");
                int width = reader.ReadInt32(0, 1 << 20, $"{what} image width");
                if ((height == 0) != (width == 0)) throw reader.Invalid($"{what}: image size {height}x{width} gives one side only.");
                return new ImageDataViewType(height, width);
            default:
                return ReadPrimitive(reader, tag, what);
        }
    }

    private static PrimitiveDataViewType ReadPrimitive(ModelStreamReader reader, Tag tag, string what)
    {
        switch (tag)
        {
            case Tag.Single: return NumberDataViewType.Single;
            case Tag.Double: return NumberDataViewType.Double;
            case Tag.Int32: return NumberDataViewType.Int32;
            case Tag.UInt32: return NumberDataViewType.UInt32;
            case Tag.Byte: return NumberDataViewType.Byte;
            case Tag.Boolean: return BooleanDataViewType.Instance;
            case Tag.Text: return TextDataViewType.Instance;
            case Tag.Key:
                var raw = (Tag)reader.ReadByte();
                if (raw is not (Tag.Byte or Tag.UInt32)) throw reader.Invalid($"{what}: key raw type tag {(byte)raw} is not Byte or UInt32.");
                long count = reader.ReadInt64();
                long max = raw == Tag.Byte ? byte.MaxValue : uint.MaxValue;
                if (count < 1 || count > max) throw reader.Invalid($"{what}: key count {count} is outside [1, {max}].");
                return new KeyDataViewType(raw == Tag.Byte ? typeof(byte) : typeof(uint), (ulong)count);
            default:
                throw reader.Invalid($"{what}: type tag {(byte)tag} is not a known column type.");
        }
    }

    private static Tag? TagOf(DataViewType type) => type switch
    {
        KeyDataViewType => Tag.Key,
        _ when ReferenceEquals(type, NumberDataViewType.Single) => Tag.Single,
        _ when ReferenceEquals(type, NumberDataViewType.Double) => Tag.Double,
        _ when ReferenceEquals(type, NumberDataViewType.Int32) => Tag.Int32,
        _ when ReferenceEquals(type, NumberDataViewType.UInt32) => Tag.UInt32,
        _ when ReferenceEquals(type, NumberDataViewType.Byte) => Tag.Byte,
        BooleanDataViewType => Tag.Boolean,
        TextDataViewType => Tag.Text,
        _ => null,
    };
}
