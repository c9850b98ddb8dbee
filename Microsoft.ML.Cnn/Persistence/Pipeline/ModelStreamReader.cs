// Bounded little-endian reader of one stream from a model zip: every count is checked against what remains before
// anything is allocated, and every error names the entry and the value being read.
using System.Buffers.Binary;
using System.Text;
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Persistence.Pipeline;

/// <summary>Reads what <see cref="ModelStreamWriter"/> wrote; malformed data raises <see cref="InvalidDataException"/>.</summary>
public sealed class ModelStreamReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly byte[] _body;
    private int _position;

    internal ModelStreamReader(byte[] body, string entryName)
    {
        _body = body;
        EntryName = entryName;
    }

    /// <summary>The zip entry being read, for error messages.</summary>
    public string EntryName { get; }

    /// <summary>Bytes not read yet.</summary>
    public int Remaining => _body.Length - _position;

    /// <summary>One byte.</summary>
    public byte ReadByte() => Take(1)[0];

    /// <summary>A 0/1 flag; any other byte is an error naming <paramref name="what"/>.</summary>
    public bool ReadBool(string what) => ReadByte() switch
    {
        0 => false,
        1 => true,
        var b => throw Invalid($"{what} is {b}, expected 0 or 1."),
    };

    /// <summary>int32.</summary>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    /// <summary>int32 in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int ReadInt32(int min, int max, string what)
    {
        int value = ReadInt32();
        if (value < min || value > max) throw Invalid($"{what} is {value}, outside [{min}, {max}].");
        return value;
    }

    /// <summary>int64.</summary>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>float32.</summary>
    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    /// <summary>A finite float32; NaN or infinity is an error naming <paramref name="what"/>.</summary>
    public float ReadFiniteSingle(string what)
    {
        float value = ReadSingle();
        if (!float.IsFinite(value)) throw Invalid($"{what} is {value}; a finite number was expected.");
        return value;
    }

    /// <summary>float64.</summary>
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>An enum written by <see cref="ModelStreamWriter.WriteEnum{TEnum}"/>; unknown values are errors.</summary>
    public TEnum ReadEnum<TEnum>(string what) where TEnum : struct, Enum
    {
        int code = ReadInt32();
        var value = (TEnum)Enum.ToObject(typeof(TEnum), code);
        if (!Enum.IsDefined(value) && !IsFlagCombination(value))
            throw Invalid($"{what} code {code} is not a known {typeof(TEnum).Name}.");
        return value;
    }

    /// <summary>A UTF-8 string.</summary>
    public string ReadString(string what)
    {
        int length = ReadCount(PipelineFormat.MaxStringBytes, 1, what);
        try
        {
            return StrictUtf8.GetString(Take(length));
        }
        catch (DecoderFallbackException)
        {
            throw Invalid($"{what} is not valid UTF-8.");
        }
    }

    /// <summary>A string written by <see cref="ModelStreamWriter.WriteNullableString"/>.</summary>
    public string? ReadNullableString(string what) => ReadBool($"presence of {what}") ? ReadString(what) : null;

    /// <summary>A list of strings.</summary>
    public string[] ReadStrings(string what)
    {
        int count = ReadCount(PipelineFormat.MaxCollectionCount, 4, what);
        var values = new string[count];
        for (int i = 0; i < count; i++) values[i] = ReadString($"{what}[{i}]");
        return values;
    }

    /// <summary>An int32 array.</summary>
    public int[] ReadInt32s(string what)
    {
        int count = ReadCount(PipelineFormat.MaxCollectionCount, 4, what);
        var values = new int[count];
        for (int i = 0; i < count; i++) values[i] = ReadInt32();
        return values;
    }

    /// <summary>A float32 array.</summary>
    public float[] ReadSingles(string what)
    {
        int count = ReadCount(PipelineFormat.MaxCollectionCount, 4, what);
        var bytes = Take(count * 4);
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
        return values;
    }

    /// <summary>A float64 array.</summary>
    public double[] ReadDoubles(string what)
    {
        int count = ReadCount(PipelineFormat.MaxCollectionCount, 8, what);
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = ReadDouble();
        return values;
    }

    /// <summary>A column type written by <see cref="ModelStreamWriter.WriteType"/>.</summary>
    public DataViewType ReadType(string what) => DataViewTypeCodec.Read(this, what);

    /// <summary>Fails unless every byte was read (a stream longer than its reader expects is corrupt or from another version).</summary>
    public void RequireEnd()
    {
        if (Remaining != 0) throw Invalid($"{Remaining} unexpected bytes follow the data.");
    }

    /// <summary>The error for malformed data in this entry.</summary>
    public InvalidDataException Invalid(string reason) => new($"Invalid model file: entry '{EntryName}': {reason}");

    /// <summary>An int32 element count, checked against the limit and the bytes left (each element needs at least <paramref name="minBytesEach"/>).</summary>
    internal int ReadCount(int max, int minBytesEach, string what)
    {
        int count = ReadInt32(0, max, $"length of {what}");
        if ((long)count * minBytesEach > Remaining) throw Invalid($"{what} claims {count} items but only {Remaining} bytes remain.");
        return count;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining) throw Invalid($"the data ends {count - Remaining} bytes early.");
        var span = _body.AsSpan(_position, count);
        _position += count;
        return span;
    }

    private static bool IsFlagCombination<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        if (!typeof(TEnum).IsDefined(typeof(FlagsAttribute), false)) return false;
        long bits = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), known = 0;
        foreach (var defined in Enum.GetValues<TEnum>()) known |= Convert.ToInt64(defined, System.Globalization.CultureInfo.InvariantCulture);
        return (bits & ~known) == 0;
    }
}
