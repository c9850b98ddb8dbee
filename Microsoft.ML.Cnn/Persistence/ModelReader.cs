// Little-endian primitives of the model format over an in-memory body, every read bounded and validated.
using System.Buffers.Binary;
using System.Text;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Persistence;

/// <param name="body">The verified body.</param>
/// <param name="version">The file's format version: readers of configs that grew in later versions check it.</param>
internal sealed class ModelReader(byte[] body, ushort version = ModelFormat.CurrentVersion)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private int _position;

    public int Remaining => body.Length - _position;

    /// <summary>The format version of the file being read.</summary>
    public ushort Version => version;

    public byte ReadByte() => Take(1)[0];

    public bool ReadBool(string what) => ReadByte() switch
    {
        0 => false,
        1 => true,
        var b => throw Invalid($"{what} is {b}, expected 0 or 1."),
    };

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    /// <summary>An int32 in [min, max], or an error naming <paramref name="what"/>.</summary>
    public int ReadInt32(int min, int max, string what)
    {
        int value = ReadInt32();
        if (value < min || value > max) throw Invalid($"{what} is {value}, outside [{min}, {max}].");
        return value;
    }

    public int ReadConfig(string what) => ReadInt32(1, ModelFormat.MaxConfigValue, what);

    public (int, int) ReadConfigPair(string what) => (ReadConfig(what), ReadConfig(what));

    public TEnum ReadEnum<TEnum>(string what) where TEnum : struct, Enum
    {
        byte code = ReadByte();
        var value = (TEnum)Enum.ToObject(typeof(TEnum), code);
        if (!Enum.IsDefined(value)) throw Invalid($"{what} code {code} is not a known {typeof(TEnum).Name}.");
        return value;
    }

    public string ReadString(string what)
    {
        int length = BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
        if (length > ModelFormat.MaxStringBytes) throw Invalid($"{what} is {length} bytes long, more than {ModelFormat.MaxStringBytes}.");
        try
        {
            return StrictUtf8.GetString(Take(length));
        }
        catch (DecoderFallbackException)
        {
            throw Invalid($"{what} is not valid UTF-8.");
        }
    }

    public Shape ReadShape(int minRank, string what)
    {
        int rank = ReadInt32(minRank, ModelFormat.MaxRank, $"rank of {what}");
        var dims = new int[rank];
        for (int i = 0; i < rank; i++) dims[i] = ReadInt32(1, ModelFormat.MaxDimension, $"dimension {i} of {what}");
        return new Shape(dims);
    }

    public Padding ReadPadding()
    {
        var mode = ReadEnum<PaddingMode>("padding mode");
        var amounts = new Padding2D(ReadInt32(0, ModelFormat.MaxConfigValue, "padding top"), ReadInt32(0, ModelFormat.MaxConfigValue, "padding bottom"),
            ReadInt32(0, ModelFormat.MaxConfigValue, "padding left"), ReadInt32(0, ModelFormat.MaxConfigValue, "padding right"));
        if (mode != PaddingMode.Explicit && !amounts.IsNone) throw Invalid($"{mode} padding carries amounts {amounts}.");
        return mode switch
        {
            PaddingMode.Valid => Padding.Valid,
            PaddingMode.Same => Padding.Same,
            _ => Padding.Explicit(amounts.Top, amounts.Bottom, amounts.Left, amounts.Right),
        };
    }

    /// <summary>Reads <paramref name="count"/> floats, checking first that the body holds them.</summary>
    public float[] ReadFloats(long count, string what)
    {
        if (count < 0 || count * 4 > Remaining) throw Invalid($"{what} needs {count} values, but only {Remaining} bytes remain.");
        var values = new float[count];
        var bytes = Take((int)count * 4);
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
        return values;
    }

    public void RequireEnd()
    {
        if (Remaining != 0) throw Invalid($"{Remaining} unexpected bytes follow the parameters.");
    }

    public static InvalidDataException Invalid(string reason) => new($"Invalid model file: {reason}");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining) throw Invalid($"the body ends {count - Remaining} bytes early; the file is inconsistent.");
        var span = body.AsSpan(_position, count);
        _position += count;
        return span;
    }
}
