// mlContext.Model.Save/Load: a fitted chain round-trips through a zip with its fitted state and input schema; the
// write is atomic; hostile or foreign files fail with clear errors.
using System.IO.Compression;
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests;

[TestClass]
public sealed class ModelOperationsCatalogTests
{
    public TestContext TestContext { get; set; } = null!;

    private static (MLContext Context, IDataView Data, ITransformer Model) FittedChain()
    {
        var context = new MLContext(1);
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var pipeline = context.Transforms.Conversion.MapValueToKey("Key", "Fruit")
            .Append(context.Transforms.CopyColumns("Copy", "Fruit"))
            .Append(context.Transforms.Conversion.MapKeyToValue("Back", "Key"));
        return (context, data, pipeline.Fit(data));
    }

    private string TempPath(string name) => Path.Combine(Path.GetTempPath(), $"{TestContext.TestName}-{Environment.ProcessId}-{name}");

    [TestMethod]
    public void SaveLoad_FittedChain_SameOutputAndSchema()
    {
        var (context, data, model) = FittedChain();
        string path = TempPath("model.zip");
        try
        {
            context.Model.Save(model, data.Schema, path);
            var loaded = new MLContext(2).Model.Load(path, out var schema);
            Assert.IsNotNull(schema);
            Assert.AreEqual(data.Schema.Count, schema.Count);
            Assert.AreEqual(data.Schema["Fruit"].Type, schema["Fruit"].Type);
            var expected = model.Transform(data);
            var actual = loaded.Transform(data);
            CollectionAssert.AreEqual(TransformRows.Column<uint>(expected, "Key"), TransformRows.Column<uint>(actual, "Key"));
            CollectionAssert.AreEqual(TransformRows.Column<ReadOnlyMemory<char>>(expected, "Back").Select(v => v.ToString()).ToArray(),
                TransformRows.Column<ReadOnlyMemory<char>>(actual, "Back").Select(v => v.ToString()).ToArray());
            Assert.AreEqual(0, Directory.GetFiles(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.*.tmp").Length, "temporary file left behind");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Load_NotAZip_ClearError()
    {
        var context = new MLContext(1);
        using var stream = new MemoryStream("hello"u8.ToArray());
        var error = Assert.ThrowsExactly<InvalidDataException>(() => context.Model.Load(stream, out _));
        StringAssert.Contains(error.Message, "not a zip");
    }

    [TestMethod]
    public void Load_EntryNameEscaping_Rejected()
    {
        var (context, data, model) = FittedChain();
        using var stream = new MemoryStream();
        context.Model.Save(model, data.Schema, stream);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
            archive.CreateEntry("../../evil.bin");
        stream.Position = 0;
        var error = Assert.ThrowsExactly<InvalidDataException>(() => context.Model.Load(stream, out _));
        StringAssert.Contains(error.Message, "not allowed");
    }
}
