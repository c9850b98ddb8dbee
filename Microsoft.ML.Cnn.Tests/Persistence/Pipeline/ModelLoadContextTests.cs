// ModelLoadContext: unknown loaders, newer layouts, bad loader entries, leftover bytes, missing or mistyped sub-models
// and streams, nesting beyond the limit and values a transformer rejects all fail as invalid files, naming the place.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms.Conversion;
using ColumnCopyingTransformer = Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

[TestClass]
public sealed class ModelLoadContextTests
{
    private static byte[] CopyingModel(Action<ModelStreamWriter> writeModel, string signature = "ColumnCopying", int version = 1) => ModelZip.Minimal(
        ("Model/Loader.bin", ModelZip.LoaderEntry(signature, version)), ("Model/Model.bin", ModelZip.Stream(writeModel)));

    private static void OneCopy(ModelStreamWriter w)
    {
        w.WriteInt32(1);
        w.WriteString("A");
        w.WriteString("B");
    }

    [TestMethod]
    public void Load_HandMadeEntries_Loads()
    {
        var loaded = (ColumnCopyingTransformer)ModelZip.Load(CopyingModel(OneCopy), out var schema);
        Assert.AreEqual(("A", "B"), loaded.Columns.Single());
        Assert.IsNull(schema);
    }

    [TestMethod]
    public void Load_UnknownLoader_NamesItAndTheKnownOnes()
    {
        string message = ModelZip.LoadError(CopyingModel(OneCopy, signature: "Contoso.Scaler"));
        StringAssert.Contains(message, "'Model' needs loader 'Contoso.Scaler', which this library does not have (known: ");
        StringAssert.Contains(message, "ColumnConcatenating, ColumnCopying, ");
        StringAssert.Contains(message, "saved by a newer or extended library");
    }

    [TestMethod]
    public void Load_NewerBuiltInLayout_SaysUpgrade() =>
        Assert.AreEqual("Invalid model file: 'Model' (ColumnCopying) was saved with layout version 2, but this library reads up to 1; upgrade Microsoft.ML.Cnn to load it.",
            ModelZip.LoadError(CopyingModel(OneCopy, version: 2)));

    [TestMethod]
    public void Load_NewerCustomLayout_SaysUpgrade()
    {
        var probe = new PersistenceProbe(c => { c.SetLoader(PersistenceProbe.LoaderSignature, PersistenceProbe.LayoutVersion + 1); c.Writer.WriteEnum(ProbeLoad.Plain); });
        StringAssert.Contains(ModelZip.LoadError(ModelZip.Save(probe, null)), $"layout version {PersistenceProbe.LayoutVersion + 1}, but this library reads up to {PersistenceProbe.LayoutVersion}");
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-3)]
    public void Load_LoaderVersionNotPositive_Rejected(int version) =>
        StringAssert.Contains(ModelZip.LoadError(CopyingModel(OneCopy, version: version)), $"entry 'Model/Loader.bin': loader version is {version}, outside [1, ");

    [TestMethod]
    public void Load_TrailingBytesInLoaderEntry_Rejected()
    {
        var zip = ModelZip.Replace(CopyingModel(OneCopy), "Model/Loader.bin", [.. ModelZip.LoaderEntry("ColumnCopying", 1), 0]);
        StringAssert.Contains(ModelZip.LoadError(zip), "entry 'Model/Loader.bin': 1 unexpected bytes follow the data");
    }

    [TestMethod]
    public void Load_TrailingBytesInModelEntry_Rejected() =>
        StringAssert.Contains(ModelZip.LoadError(CopyingModel(w => { OneCopy(w); w.WriteInt32(9); })), "entry 'Model/Model.bin': 4 unexpected bytes follow the data");

    [TestMethod]
    public void Load_ValueTheTransformerRejects_InvalidFile()
    {
        string message = ModelZip.LoadError(CopyingModel(w => { w.WriteInt32(1); w.WriteString(""); w.WriteString("B"); }));
        StringAssert.Contains(message, "Invalid model file: 'Model' (ColumnCopying) holds a value its transformer rejects:");
    }

    [TestMethod]
    public void LoadSubModel_Missing_NamesTheEntry()
    {
        var zip = ModelZip.Save(new PersistenceProbe(c => PersistenceProbe.SaveAs(c, ProbeLoad.SubModel)), null);
        StringAssert.Contains(ModelZip.LoadError(zip), "entry 'Model/Inner/Loader.bin' is missing");
    }

    [TestMethod]
    public void LoadSubModel_OfAnotherType_NamesBothTypes()
    {
        var probe = new PersistenceProbe(mode: ProbeLoad.CopyingSubModel) { Inner = new KeyToValueMappingTransformer("Value", "Key") };
        Assert.AreEqual("Invalid model file: 'Model/Inner' holds a KeyToValueMappingTransformer, where a ColumnCopyingTransformer was expected.",
            ModelZip.LoadError(ModelZip.Save(probe, null)));
    }

    [TestMethod]
    public void LoadSubModel_OfTheExpectedType_Loads()
    {
        var probe = new PersistenceProbe(mode: ProbeLoad.CopyingSubModel) { Inner = new ColumnCopyingTransformer(("X", "Y")) };
        var loaded = (PersistenceProbe)ModelZip.Load(ModelZip.Save(probe, null), out _);
        Assert.AreEqual(("X", "Y"), ((ColumnCopyingTransformer)loaded.Inner!).Columns.Single());
    }

    [TestMethod]
    public void LoadStream_Missing_NamesTheEntry()
    {
        var zip = ModelZip.Save(new PersistenceProbe(c => PersistenceProbe.SaveAs(c, ProbeLoad.Stream)), null);
        StringAssert.Contains(ModelZip.LoadError(zip), "entry 'Model/Blob.bin' is missing");
    }

    [TestMethod]
    public void Load_Probe_SeesItsContextSignatureAndVersion()
    {
        var context = new MLContext(5);
        using var stream = new MemoryStream(ModelZip.Save(new PersistenceProbe(), null));
        var loaded = (PersistenceProbe)context.Model.Load(stream, out _);
        Assert.AreSame(context, loaded.LoadedFrom!.Context);
        Assert.AreEqual(PersistenceProbe.LoaderSignature, loaded.LoadedFrom.Signature);
        Assert.AreEqual(PersistenceProbe.LayoutVersion, loaded.LoadedFrom.Version);
    }

    [TestMethod]
    public void Load_NestedDeeperThanTheLimit_SaysSo()
    {
        // Chains of one step nested MaxDepth + 1 levels below the root, as only a hand-made file can hold.
        var entries = new List<(string, byte[])>();
        string directory = "Model";
        for (int depth = 0; depth <= PipelineFormat.MaxDepth; depth++, directory += "/Step0")
        {
            entries.Add(($"{directory}/Loader.bin", ModelZip.LoaderEntry("TransformerChain", 1)));
            entries.Add(($"{directory}/Model.bin", ModelZip.Stream(w => w.WriteInt32(1))));
        }
        entries.Add(($"{directory}/Loader.bin", ModelZip.LoaderEntry("ColumnCopying", 1)));
        entries.Add(($"{directory}/Model.bin", ModelZip.Stream(OneCopy)));
        StringAssert.Contains(ModelZip.LoadError(ModelZip.Minimal([.. entries])), $"sub-models nest deeper than {PipelineFormat.MaxDepth} levels at 'Model/Step0/Step0");
    }
}
