using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Persistence;

namespace Microsoft.ML.Cnn.Tests.Persistence;

/// <summary>Loading damaged or hostile files: every case must end in a clear InvalidDataException.</summary>
[TestClass]
public sealed class NetworkReaderTests
{
    private static readonly byte[] Valid = Save(SeedCnn.Create([1, 12, 12], 3, seed: 1));

    [TestMethod]
    [DataRow(8)]
    [DataRow(17)]
    [DataRow(18)]
    [DataRow(100)]
    [DataRow(-33)]
    [DataRow(-1)]
    public void Load_Truncated_SaysTruncated(int cut)
    {
        int length = cut > 0 ? cut : Valid.Length + cut;
        var e = Assert.ThrowsExactly<InvalidDataException>(() => Load(Valid[..length]));
        StringAssert.Contains(e.Message, "truncated");
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(4)]
    public void Load_WrongMagic_SaysNotANetworkFile(int length)
    {
        byte[] bytes = length == 0 ? "PK\u0003\u0004 a zip file, not a model"u8.ToArray() : Valid[..length];
        var e = Assert.ThrowsExactly<InvalidDataException>(() => Load(bytes));
        StringAssert.Contains(e.Message, "Not a Microsoft.ML.Cnn network file");
    }

    [TestMethod]
    public void Load_NewerVersion_SaysUpdate()
    {
        byte[] bytes = (byte[])Valid.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 3);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => Load(bytes));
        StringAssert.Contains(e.Message, "newer");
    }

    [TestMethod]
    public void Load_Version1FileWithMaxPooling_LoadsWithoutCeilMode()
    {
        // Written by the library before format version 2: input (1, 5, 5) -> MaxPool2D(3, 2, pad 1) -> Flatten -> Dense(2), seed 3.
        byte[] bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Persistence", "maxpool-v1.mlcnn"));
        Assert.AreEqual((ushort)1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));

        var network = Load(bytes);

        var pool = (Microsoft.ML.Cnn.Layers.MaxPool2D)network.GetLayer("pool");
        Assert.IsFalse(pool.CeilMode);
        Assert.AreEqual((3, 3), pool.Pool);
        Assert.AreEqual((2, 2), pool.Stride);
        Assert.AreEqual(Microsoft.ML.Cnn.Layers.Padding.Explicit(1), pool.Padding);
        Assert.AreEqual(new Shape(Shape.Batch, 1, 3, 3), network.Applications.Single(a => a.Layer == pool).Shape);
        var fresh = Microsoft.ML.Cnn.Layers.Network.Sequential([1, 5, 5], [new Microsoft.ML.Cnn.Layers.MaxPool2D(3, 2, Microsoft.ML.Cnn.Layers.Padding.Explicit(1)),
            new Microsoft.ML.Cnn.Layers.Flatten(), new Microsoft.ML.Cnn.Layers.Dense(2)], seed: 3);
        CollectionAssert.AreEqual(fresh.Parameters[0].Data, network.Parameters[0].Data, "the stored weights are the seed-3 initialization");
        Assert.AreEqual((ushort)2, BinaryPrimitives.ReadUInt16LittleEndian(Save(network).AsSpan(8)), "saving writes the current version");
    }

    [TestMethod]
    [DataRow(20)]
    [DataRow(500)]
    [DataRow(-40)]
    [DataRow(-1)]
    public void Load_FlippedByte_ChecksumMismatch(int offset)
    {
        byte[] bytes = (byte[])Valid.Clone();
        bytes[offset >= 0 ? offset : bytes.Length + offset] ^= 0x10;
        var e = Assert.ThrowsExactly<InvalidDataException>(() => Load(bytes));
        StringAssert.Contains(e.Message, "checksum");
    }

    [TestMethod]
    public void Load_HugeBodyLength_RejectedBeforeReading()
    {
        byte[] bytes = (byte[])Valid.Clone();
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(10), long.MaxValue);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => Load(bytes));
        StringAssert.Contains(e.Message, "body length");
    }

    public static IEnumerable<object[]> InconsistentFiles => new object[][]
    {
        ["layer count over limit", new MinimalFile { LayerCount = int.MaxValue }, "layer count"],
        ["unknown layer kind", new MinimalFile { Kind = 200 }, "LayerKind"],
        ["unknown activation", new MinimalFile { Activation = 99 }, "Activation"],
        ["zero units", new MinimalFile { Units = 0 }, "units"],
        ["bool that is not 0 or 1", new MinimalFile { UseBias = 7 }, "use-bias flag"],
        ["NaN learning-rate multiplier", new MinimalFile { LearningRateMultiplier = float.NaN }, "learning-rate multiplier"],
        ["blank layer name", new MinimalFile { LayerName = " " }, "blank"],
        ["input from a later application", new MinimalFile { LayerInput = 1 }, "inputs of application 1"],
        ["unknown application tag", new MinimalFile { InputTag = 9 }, "tag 9"],
        ["output index out of range", new MinimalFile { Output = 7 }, "network outputs"],
        ["network input that is a layer", new MinimalFile { NetworkInput = 1 }, "not an input"],
        ["zero input dimension", new MinimalFile { InputShape = [0] }, "dimension 0"],
        ["rank over limit", new MinimalFile { InputShape = new int[9] }, "rank"],
        ["weight shape disagrees", new MinimalFile { WeightShape = [2, 5] }, "expects Weight (2, 4)"],
        ["wrong parameter role", new MinimalFile { WeightRole = (byte)ParameterRole.Scale }, "stored as Scale"],
        ["unknown parameter role", new MinimalFile { WeightRole = 77 }, "ParameterRole"],
        ["missing parameter", new MinimalFile { StoreBias = false }, "needs more parameter values than the file stores"],
        ["extra parameter", new MinimalFile { ExtraParameter = true }, "stores 3 parameters"],
        ["renamed parameter", new MinimalFile { BiasName = "dense.offset" }, "'dense.bias' is missing"],
        ["duplicate parameter", new MinimalFile { BiasName = "dense.weight" }, "stored twice"],
        ["parameter larger than the file", new MinimalFile { WeightShape = [1 << 24, 1 << 24] }, "remain"],
        ["architecture larger than its weights", new MinimalFile { InputShape = [1 << 20], Units = 1 << 20 }, "more than"],
        ["unreachable layer", new MinimalFile { LayerCount = 2 }, "lead to the outputs"],
        ["trailing bytes", new MinimalFile { TrailingBytes = 3 }, "unexpected bytes"],
        ["string over limit", new MinimalFile { LayerNameLength = 5000 }, "bytes long"],
        ["invalid UTF-8 name", new MinimalFile { LayerNameUtf8 = [0xC3, 0x28] }, "UTF-8"],
    };

    [TestMethod]
    public void Load_MinimalFile_Loads()
    {
        var network = Load(new MinimalFile().Build());
        Assert.AreEqual(new Shape(2), network.OutputShape);
        Assert.AreEqual("dense", network.Layers[0].Name);
    }

    [TestMethod]
    [DynamicData(nameof(InconsistentFiles))]
    public void Load_ValidChecksumButInconsistent_ClearInvalidData(string scenario, MinimalFile file, string expected)
    {
        var e = Assert.ThrowsExactly<InvalidDataException>(() => Load(file.Build()), scenario);
        StringAssert.Contains(e.Message, expected, scenario);
    }

    private static Microsoft.ML.Cnn.Layers.Network Load(byte[] bytes) => NetworkSerializer.Load(new MemoryStream(bytes));

    private static byte[] Save(Microsoft.ML.Cnn.Layers.Network network)
    {
        var stream = new MemoryStream();
        NetworkSerializer.Save(network, stream);
        return stream.ToArray();
    }

    /// <summary>A hand-written, correctly checksummed file for input (4) -> Dense(2), with knobs to make it inconsistent.</summary>
    public sealed record MinimalFile
    {
        public int LayerCount { get; init; } = 1;
        public byte Kind { get; init; } = (byte)LayerKind.Dense;
        public string LayerName { get; init; } = "dense";
        public int LayerNameLength { get; init; } = -1;
        public byte[]? LayerNameUtf8 { get; init; }
        public float LearningRateMultiplier { get; init; } = 1f;
        public int Units { get; init; } = 2;
        public byte Activation { get; init; }
        public byte UseBias { get; init; } = 1;
        public byte InputTag { get; init; }
        public int[] InputShape { get; init; } = [4];
        public int LayerInput { get; init; }
        public int NetworkInput { get; init; }
        public int Output { get; init; } = 1;
        public int[] WeightShape { get; init; } = [2, 4];
        public byte WeightRole { get; init; } = (byte)ParameterRole.Weight;
        public bool StoreBias { get; init; } = true;
        public int TrailingBytes { get; init; }
        public string BiasName { get; init; } = "dense.bias";
        public bool ExtraParameter { get; init; }

        public byte[] Build()
        {
            var body = new MemoryStream();
            var w = new ModelWriter(body);
            w.WriteInt32(LayerCount);
            for (int i = 0; i < Math.Min(LayerCount, 2); i++)
            {
                w.WriteByte(Kind);
                if (i == 0 && (LayerNameUtf8 is not null || LayerNameLength >= 0))
                {
                    byte[] name = LayerNameUtf8 ?? new byte[LayerNameLength];
                    w.WriteUInt16((ushort)name.Length);
                    body.Write(name);
                }
                else w.WriteString(i == 0 ? LayerName : "spare");
                w.WriteBool(true); w.WriteSingle(LearningRateMultiplier);
                w.WriteInt32(Units); w.WriteByte(Activation); w.WriteByte(UseBias);
            }
            w.WriteInt32(2);
            w.WriteByte(InputTag); w.WriteString("input"); w.WriteShape(new Shape(InputShape));
            w.WriteByte(1); w.WriteInt32(0); w.WriteInt32(1); w.WriteInt32(LayerInput);
            w.WriteInt32(1); w.WriteInt32(NetworkInput);
            w.WriteInt32(1); w.WriteInt32(Output);
            w.WriteInt32((StoreBias ? 2 : 1) + (ExtraParameter ? 1 : 0));
            w.WriteString("dense.weight"); w.WriteByte(WeightRole); w.WriteShape(new Shape(WeightShape));
            long count = (long)WeightShape[0] * WeightShape[1];
            if (count <= 1 << 20) w.WriteFloats(new float[count]);
            if (StoreBias) { w.WriteString(BiasName); w.WriteByte((byte)ParameterRole.Bias); w.WriteShape(new Shape(2)); w.WriteFloats(new float[2]); }
            if (ExtraParameter) { w.WriteString("extra"); w.WriteByte((byte)ParameterRole.Bias); w.WriteShape(new Shape(1)); w.WriteFloats(new float[1]); }
            body.Write(new byte[TrailingBytes]);

            var file = new MemoryStream();
            file.Write("MLCNNNET"u8);
            var header = new ModelWriter(file);
            header.WriteUInt16(1);
            header.WriteInt64(body.Length);
            body.WriteTo(file);
            file.Write(SHA256.HashData(file.ToArray()));
            return file.ToArray();
        }
    }
}
