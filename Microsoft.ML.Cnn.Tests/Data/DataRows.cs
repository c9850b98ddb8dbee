// Row classes shared by the data view tests: one member of every supported type.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

public sealed class AllTypesRow
{
    public float Single;
    public double Double { get; set; }
    public int Int32;
    public uint UInt32;
    public byte Byte;
    public bool Boolean;
    public string Text = "";
    [KeyType(3)] public uint Label;
    [VectorType(2, 3)] public float[] Image = [];
    public double[] Variable = [];
    [VectorType(2)] public int[] Ints = [];
    [VectorType(2)] public uint[] UInts = [];
    [VectorType(2)] public byte[] Bytes = [];
    [VectorType(2)] public bool[] Flags = [];
    [VectorType(2)] public string[] Words = [];
    [ColumnName("Renamed")] public float Original;
    [NoColumn] public object? Ignored;

    public static AllTypesRow Make(int i) => new()
    {
        Single = i + 0.5f, Double = i * 2.25, Int32 = -i, UInt32 = (uint)i * 7, Byte = (byte)i, Boolean = i % 2 == 0,
        Text = $"row{i}", Label = (uint)(i % 3 + 1), Image = [i, 1, 2, 3, 4, 5], Variable = new double[i % 3],
        Ints = [i, -i], UInts = [1, (uint)i], Bytes = [2, (byte)i], Flags = [true, i > 1], Words = ["a", $"w{i}"], Original = i,
    };
}

public sealed class PointRow
{
    public float X;
    public string Group = "";
}
