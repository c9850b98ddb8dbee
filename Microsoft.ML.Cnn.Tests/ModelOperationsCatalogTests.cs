// mlContext.Model's Save/Load entry points: a fitted chain round-trips through a file with its fitted state and input
// schema; bad paths and streams fail with clear errors. (The format itself is tested in Persistence/Pipeline, and the
// prediction engines in Prediction.)
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Tests.Prediction;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests;

[TestClass]
public sealed class ModelOperationsCatalogTests
{
    public TestContext TestContext { get; set; } = null!;

    private string TempPath(string name) => Path.Combine(Path.GetTempPath(), $"{TestContext.TestName}-{Environment.ProcessId}-{name}");

    [TestMethod]
    public void SaveLoad_FittedChainThroughFile_SameOutputAndSchema()
    {
        var (context, data, model) = PredictionEngineTests.FruitModel();
        string path = TempPath("model.zip");
        try
        {
            context.Model.Save(model, data.Schema, path);
            var loaded = new MLContext(2).Model.Load(path, out var schema);
            Assert.IsNotNull(schema);
            Assert.AreEqual(ViewDump.Schema(data.Schema), ViewDump.Schema(schema));
            CollectionAssert.AreEqual(ViewDump.Rows(model.Transform(data)), ViewDump.Rows(loaded.Transform(data)));
            Assert.IsEmpty(Directory.GetFiles(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.*.tmp"), "temporary file left behind");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Load_MissingFile_NamesIt()
    {
        string path = TempPath("absent.zip");
        var error = Assert.ThrowsExactly<FileNotFoundException>(() => new MLContext(1).Model.Load(path, out _));
        StringAssert.Contains(error.Message, path);
    }

    [TestMethod]
    public void Load_FileThatIsNotAZip_NamesTheFile()
    {
        string path = TempPath("text.zip");
        File.WriteAllText(path, "hello");
        try
        {
            var error = Assert.ThrowsExactly<InvalidDataException>(() => new MLContext(1).Model.Load(path, out _));
            StringAssert.Contains(error.Message, $"Invalid model file '{path}': it is not a zip archive");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [TestMethod]
    public void Load_NonSeekableStream_SaysToCopyItFirst()
    {
        var (context, data, model) = PredictionEngineTests.FruitModel();
        using var stream = new ForwardOnlyStream(ModelZip.Save(model, data.Schema));
        var error = Assert.ThrowsExactly<ArgumentException>(() => context.Model.Load(stream, out _));
        StringAssert.Contains(error.Message, "must be readable and seekable");
    }

    [TestMethod]
    public void SaveAndLoad_NullArguments_Throw()
    {
        var (context, data, model) = PredictionEngineTests.FruitModel();
        Assert.ThrowsExactly<ArgumentNullException>(() => context.Model.Save(null!, data.Schema, new MemoryStream()));
        Assert.ThrowsExactly<ArgumentNullException>(() => context.Model.Save(model, data.Schema, (Stream)null!));
        Assert.ThrowsExactly<ArgumentException>(() => context.Model.Save(model, data.Schema, ""));
        Assert.ThrowsExactly<ArgumentNullException>(() => context.Model.Load((Stream)null!, out _));
        Assert.ThrowsExactly<ArgumentException>(() => context.Model.Load("", out _));
    }
}
