// ModelSaveContext: a transformer must name a registered loader exactly once; sub-model and stream names are safe,
// unreserved and unique; streams come back byte for byte; nesting beyond the limit is refused at save time.
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;
using ColumnCopyingTransformer = Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

[TestClass]
public sealed class ModelSaveContextTests
{
    private static TException SaveFails<TException>(Action<ModelSaveContext> save) where TException : Exception =>
        Assert.ThrowsExactly<TException>(() => ModelZip.Save(new PersistenceProbe(save), null));

    [TestMethod]
    public void SetLoader_Twice_Rejected() =>
        StringAssert.Contains(SaveFails<InvalidOperationException>(c =>
        {
            c.SetLoader(PersistenceProbe.LoaderSignature, 1);
            c.SetLoader(PersistenceProbe.LoaderSignature, 1);
        }).Message, $"SetLoader was already called (with '{PersistenceProbe.LoaderSignature}') for 'Model'");

    [TestMethod]
    public void SetLoader_UnregisteredSignature_SaysToRegisterIt() =>
        StringAssert.Contains(SaveFails<InvalidOperationException>(c => c.SetLoader("Contoso.Unregistered", 1)).Message,
            "No loader is registered for signature 'Contoso.Unregistered'; register it in TransformerLoaders");

    [TestMethod]
    public void SetLoader_BadArguments_Rejected()
    {
        SaveFails<ArgumentException>(c => c.SetLoader("", 1));
        SaveFails<ArgumentOutOfRangeException>(c => c.SetLoader(PersistenceProbe.LoaderSignature, 0));
    }

    [TestMethod]
    public void Save_WithoutSetLoader_NamesTheTransformer() =>
        StringAssert.Contains(SaveFails<InvalidOperationException>(c => c.Writer.WriteInt32(1)).Message, "PersistenceProbe.Save did not call SetLoader");

    [TestMethod]
    [DataRow("")]
    [DataRow("a/b")]
    [DataRow("..")]
    [DataRow("with space")]
    [DataRow("Loader")]
    [DataRow("Model")]
    [DataRow("x.bin")]
    [DataRow("Inner\n")]
    public void SaveSubModelAndStream_UnusableName_Rejected(string name)
    {
        var inner = new ColumnCopyingTransformer(("A", "B"));
        StringAssert.Contains(SaveFails<ArgumentException>(c => { PersistenceProbe.SaveAs(c, ProbeLoad.Plain); c.SaveSubModel(name, inner); }).Message, "is not a usable entry name");
        StringAssert.Contains(SaveFails<ArgumentException>(c => { PersistenceProbe.SaveAs(c, ProbeLoad.Plain); c.SaveStream(name, _ => { }); }).Message, "is not a usable entry name");
    }

    [TestMethod]
    public void SaveSubModelAndStream_NameTooLong_Rejected() =>
        SaveFails<ArgumentException>(c => { PersistenceProbe.SaveAs(c, ProbeLoad.Plain); c.SaveStream(new string('a', 65), _ => { }); });

    [TestMethod]
    public void SaveStream_NameAlreadyUsed_Rejected() =>
        StringAssert.Contains(SaveFails<ArgumentException>(c =>
        {
            PersistenceProbe.SaveAs(c, ProbeLoad.Plain, inner: new ColumnCopyingTransformer(("A", "B")));
            c.SaveStream("Inner", _ => { });
        }).Message, "'Inner' was already saved in 'Model'");

    [TestMethod]
    public void SaveSubModelAndStream_NullArguments_Throw()
    {
        SaveFails<ArgumentNullException>(c => { PersistenceProbe.SaveAs(c, ProbeLoad.Plain); c.SaveSubModel("Inner", null!); });
        SaveFails<ArgumentNullException>(c => { PersistenceProbe.SaveAs(c, ProbeLoad.Plain); c.SaveStream("Blob", null!); });
    }

    [TestMethod]
    public void SaveStream_Bytes_LoadedBackUnchanged()
    {
        byte[] blob = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        var loaded = (PersistenceProbe)ModelZip.Load(ModelZip.Save(new PersistenceProbe(mode: ProbeLoad.Stream) { Stream = blob }, null), out _);
        CollectionAssert.AreEqual(blob, loaded.Stream);
    }

    [TestMethod]
    public void SaveSubModel_DeeperThanTheLimit_NotSupported()
    {
        ITransformer model = new ColumnCopyingTransformer(("A", "B"));
        for (int i = 0; i <= PipelineFormat.MaxDepth; i++) model = new TransformerChain<ITransformer>(model);
        var error = Assert.ThrowsExactly<NotSupportedException>(() => ModelZip.Save(model, null));
        StringAssert.Contains(error.Message, $"Sub-models nest deeper than {PipelineFormat.MaxDepth} levels");
    }
}
