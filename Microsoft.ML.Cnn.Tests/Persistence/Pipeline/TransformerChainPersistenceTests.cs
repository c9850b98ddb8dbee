// TransformerChainPersistence: chains (empty, nested, as deep as allowed) come back with their steps in order as
// TransformerChain<ITransformer>; step counts beyond the limit and missing steps are rejected.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms.Conversion;
using ColumnCopyingTransformer = Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

[TestClass]
public sealed class TransformerChainPersistenceTests
{
    [TestMethod]
    public void SaveLoad_Chain_StepsInOrderAsAnUntypedChain()
    {
        var model = new TransformerChain<KeyToValueMappingTransformer>(new ColumnCopyingTransformer(("A", "B")), new KeyToValueMappingTransformer("V", "K"));
        var loaded = ModelZip.Load(ModelZip.Save(model, null), out _);
        var chain = (TransformerChain<ITransformer>)loaded;
        CollectionAssert.AreEqual(new[] { typeof(ColumnCopyingTransformer), typeof(KeyToValueMappingTransformer) }, chain.Select(t => t.GetType()).ToArray());
        Assert.IsInstanceOfType<KeyToValueMappingTransformer>(chain.LastTransformer);
    }

    [TestMethod]
    public void SaveLoad_EmptyChain_PassesDataThrough()
    {
        var context = new MLContext(1);
        var data = PipelineArchiveTests.Mixed(context);
        var loaded = (TransformerChain<ITransformer>)PipelineArchiveTests.AssertRoundTrip(new TransformerChain<ITransformer>(), data);
        Assert.IsEmpty(loaded);
    }

    [TestMethod]
    public void SaveLoad_NestedChains_SameShape()
    {
        var inner = new TransformerChain<ITransformer>(new ColumnCopyingTransformer(("A", "Text")), new ColumnCopyingTransformer(("B", "A")));
        var model = new TransformerChain<ITransformer>(inner, new ColumnCopyingTransformer(("C", "B")));
        var loaded = (TransformerChain<ITransformer>)PipelineArchiveTests.AssertRoundTrip(model, PipelineArchiveTests.Mixed(new MLContext(1)));
        Assert.HasCount(2, (TransformerChain<ITransformer>)loaded.First());
    }

    [TestMethod]
    public void SaveLoad_AsDeepAsAllowed_Loads()
    {
        ITransformer model = new ColumnCopyingTransformer(("A", "Text"));
        for (int i = 0; i < PipelineFormat.MaxDepth; i++) model = new TransformerChain<ITransformer>(model);
        var loaded = ModelZip.Load(ModelZip.Save(model, null), out _);
        for (int i = 0; i < PipelineFormat.MaxDepth; i++) loaded = ((TransformerChain<ITransformer>)loaded).Single();
        Assert.AreEqual(("A", "Text"), ((ColumnCopyingTransformer)loaded).Columns.Single());
    }

    [TestMethod]
    public void Load_TooManySteps_Rejected()
    {
        var zip = ModelZip.Minimal(("Model/Loader.bin", ModelZip.LoaderEntry("TransformerChain", 1)), ("Model/Model.bin", ModelZip.Stream(w => w.WriteInt32(10_001))));
        StringAssert.Contains(ModelZip.LoadError(zip), "number of chain steps is 10001, outside [0, 10000]");
    }

    [TestMethod]
    public void Load_MissingStep_NamesIt()
    {
        var zip = ModelZip.Save(new TransformerChain<ITransformer>(new ColumnCopyingTransformer(("A", "B")), new ColumnCopyingTransformer(("C", "D"))), null);
        zip = ModelZip.Replace(ModelZip.Replace(zip, "Model/Step1/Loader.bin", null), "Model/Step1/Model.bin", null);
        StringAssert.Contains(ModelZip.LoadError(zip), "entry 'Model/Step1/Loader.bin' is missing");
    }
}
