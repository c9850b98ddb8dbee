// TransformerChain: steps applied in order, schema folded through every step, typed Append.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms;

namespace Microsoft.ML.Cnn.Tests.Pipeline;

[TestClass]
public sealed class TransformerChainTests
{
    [TestMethod]
    public void Append_Transformer_AppliesBothInOrder()
    {
        var context = new MLContext(1);
        var chain = new TransformerChain<ColumnCopyingTransformer>(new ColumnCopyingTransformer(("A", "Weight")))
            .Append(new ColumnCopyingTransformer(("B", "A")));
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var output = chain.Transform(data);
        CollectionAssert.AreEqual(new float[] { 0, 1, 2, 3, 4 }, TransformRows.Column<float>(output, "B"));
        Assert.AreEqual(output.Schema.Count, chain.GetOutputSchema(data.Schema).Count);
        Assert.IsTrue(chain.IsRowToRowMapper);
    }

    [TestMethod]
    public void Constructor_LastOfWrongType_Throws()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            new TransformerChain<TransformerChain<ITransformer>>(new ColumnCopyingTransformer(("A", "B"))));
        StringAssert.Contains(error.Message, nameof(ColumnCopyingTransformer));
    }

    [TestMethod]
    public void GetOutputSchema_MissingInput_FailsNamingTheColumn()
    {
        var chain = new TransformerChain<ColumnCopyingTransformer>(new ColumnCopyingTransformer(("A", "Nope")));
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => chain.GetOutputSchema(TransformRows.Points(new MLContext(1)).Schema));
        StringAssert.Contains(error.Message, "'Nope' not found");
        StringAssert.Contains(error.Message, "'X' (Single)");
    }
}
