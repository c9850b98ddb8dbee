// TransformerLoaders: a transformer from outside the library registers its loader and round-trips inside a chain of
// built-in steps; taken signatures and bad arguments are refused.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Transforms;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

/// <summary>A user-defined transformer: <c>Scaled</c> = <c>Number</c> × a fitted factor.</summary>
public sealed class ScaleTransformer(float factor) : RowToRowTransformerBase
{
    public const string Signature = "Tests.Scale";

    static ScaleTransformer() => TransformerLoaders.Register(Signature, Load);

    public float Factor { get; } = factor;

    public override void Save(ModelSaveContext context)
    {
        context.SetLoader(Signature, 1);
        context.Writer.WriteSingle(Factor);
    }

    private static ScaleTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        return new ScaleTransformer(context.Reader.ReadFiniteSingle("scale factor"));
    }

    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var input = FindInput(inputSchema, "Number");
        return [MappedColumn.Create<float>("Scaled", NumberDataViewType.Single, null, [input], row =>
        {
            var getter = row.GetGetter<float>(input);
            float value = 0;
            return (ref float scaled) => { getter(ref value); scaled = value * Factor; };
        })];
    }
}

[TestClass]
public sealed class TransformerLoadersTests
{
    [TestMethod]
    public void Register_CustomTransformer_RoundTripsInAChain()
    {
        var context = new MLContext(1);
        var data = PipelineArchiveTests.Mixed(context);
        var model = new TransformerChain<ITransformer>(new ColumnCopyingTransformer(("Copy", "Text")), new ScaleTransformer(2.5f));
        var loaded = (TransformerChain<ITransformer>)PipelineArchiveTests.AssertRoundTrip(model, data);
        Assert.AreEqual(2.5f, ((ScaleTransformer)loaded.Last()).Factor);
    }

    [TestMethod]
    [DataRow("ColumnCopying")]
    [DataRow("TransformerChain")]
    [DataRow(ScaleTransformer.Signature)]
    public void Register_TakenSignature_Refused(string signature)
    {
        _ = new ScaleTransformer(1); // runs its registration
        var error = Assert.ThrowsExactly<ArgumentException>(() => TransformerLoaders.Register(signature, _ => new ColumnCopyingTransformer(("A", "B"))));
        StringAssert.Contains(error.Message, $"A loader is already registered for signature '{signature}'; choose a signature that names your assembly");
    }

    [TestMethod]
    public void Register_BadArguments_Refused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => TransformerLoaders.Register("", _ => null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => TransformerLoaders.Register(null!, _ => null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => TransformerLoaders.Register("Tests.NoLoader", null!));
        Assert.IsFalse(TransformerLoaders.IsRegistered("Tests.NoLoader"));
    }

    [TestMethod]
    public void Find_BuiltIns_AllRegistered()
    {
        foreach (var signature in new[]
        {
            "TransformerChain", "ColumnCopying", "ColumnConcatenating", "ValueToKeyMapping", "KeyToValueMapping", "ImageLoading",
            "ImageResizing", "ImageGrayscaling", "ImagePixelExtracting", "ImageAugmenting", "Normalizing", "ImageChannelNormalizing",
        })
            Assert.IsNotNull(TransformerLoaders.Find(signature), signature);
        Assert.IsNull(TransformerLoaders.Find("columncopying"), "signatures are case-sensitive");
    }
}
