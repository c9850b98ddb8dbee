// PredictionBinding (what CreatePredictionEngine checks up front): the model must be row-to-row (the error names the
// step), the input class must supply the model's inputs, and the output class must fit the output columns.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms;
using Microsoft.ML.Cnn.Transforms.Image;

namespace Microsoft.ML.Cnn.Tests.Prediction;

[TestClass]
public sealed class PredictionBindingTests
{
    private sealed class PathRow
    {
        public string ImagePath = "";
    }

    private sealed class CopyOutput
    {
        public string Copy = "";
    }

    [TestMethod]
    public void Create_StepDroppingRows_NamesTheStep()
    {
        var context = new MLContext(1);
        var skipping = new ImageLoadingTransformer(context, "Image", null, "ImagePath", invalidImages: InvalidImageHandling.SkipRow);
        var model = new TransformerChain<ITransformer>(new ColumnCopyingTransformer(("Copy", "ImagePath")), skipping);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => context.Model.CreatePredictionEngine<PathRow, CopyOutput>(model));
        StringAssert.Contains(error.Message, "step 1 (ImageLoadingTransformer) of the model is not row-to-row");
        StringAssert.Contains(error.Message, "InvalidImageHandling.Fail");
    }

    [TestMethod]
    public void Create_NestedChainStepDroppingRows_NamesThePath()
    {
        var context = new MLContext(1);
        var skipping = new ImageLoadingTransformer(context, "Image", null, "ImagePath", invalidImages: InvalidImageHandling.SkipRow);
        var inner = new TransformerChain<ITransformer>(new ColumnCopyingTransformer(("Copy", "ImagePath")), skipping);
        var model = new TransformerChain<ITransformer>(new ColumnCopyingTransformer(("Other", "ImagePath")), inner);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => context.Model.CreatePredictionEnginePool<PathRow, CopyOutput>(model));
        StringAssert.Contains(error.Message, "step 1 of step 1 (ImageLoadingTransformer) of the model");
    }

    [TestMethod]
    public void Create_SingleStepNotRowToRow_NamesTheModel()
    {
        var context = new MLContext(1);
        var skipping = new ImageLoadingTransformer(context, "Image", null, "ImagePath", invalidImages: InvalidImageHandling.SkipRow);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => context.Model.CreatePredictionEngine<PathRow, CopyOutput>(skipping));
        StringAssert.Contains(error.Message, "the model (ImageLoadingTransformer) is not row-to-row");
    }

    [TestMethod]
    public void Create_InputClassLacksAColumn_StandardMissingColumnError()
    {
        var (context, _, model) = PredictionEngineTests.FruitModel();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Model.CreatePredictionEngine<PathRow, CopyOutput>(model));
        StringAssert.Contains(error.Message, "'Fruit'");
        StringAssert.Contains(error.Message, "'ImagePath' (String)");
    }

    private sealed class ExtraMember
    {
        public string Copy = "";
        public float Score = -1;
    }

    [TestMethod]
    public void Create_OutputMemberWithoutColumn_LeftUnsetOrRejectedWhenNotIgnoring()
    {
        var (context, _, model) = PredictionEngineTests.FruitModel();
        using var engine = context.Model.CreatePredictionEngine<FruitRow, ExtraMember>(model);
        var prediction = engine.Predict(PredictionEngineTests.Fruit("fig", 1));
        Assert.AreEqual("fig", prediction.Copy);
        Assert.AreEqual(-1f, prediction.Score);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            context.Model.CreatePredictionEngine<FruitRow, ExtraMember>(model, ignoreMissingColumns: false));
        StringAssert.Contains(error.Message, "ExtraMember needs a column 'Score', which the model's output");
        StringAssert.Contains(error.Message, "'Features' (Vector<Single, 3>)");
    }

    private sealed class WrongType
    {
        public float Copy { get; set; }
    }

    [TestMethod]
    public void Create_OutputMemberOfWrongType_NamesColumnAndTypes()
    {
        var (context, _, model) = PredictionEngineTests.FruitModel();
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => context.Model.CreatePredictionEngine<FruitRow, WrongType>(model));
        StringAssert.Contains(error.Message, "Column 'Copy' has type String");
        StringAssert.Contains(error.Message, "WrongType maps it as Single");
    }

    private sealed class Renamed
    {
        public string Name = "";
        public float Mass;
        public float[] Dimensions = [];
    }

    private sealed class RenamedOutput
    {
        public uint Category { get; set; }
    }

    [TestMethod]
    public void Create_SchemaDefinitions_MapMembersToOtherColumnNames()
    {
        var (context, _, model) = PredictionEngineTests.FruitModel();
        var input = SchemaDefinition.Create(typeof(Renamed));
        input["Name"].ColumnName = "Fruit";
        input["Mass"].ColumnName = "Weight";
        input["Dimensions"].ColumnName = "Size";
        input["Size"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2);
        var output = SchemaDefinition.Create(typeof(RenamedOutput));
        output["Category"].ColumnName = "Key";
        using var engine = context.Model.CreatePredictionEngine<Renamed, RenamedOutput>(model, inputSchemaDefinition: input, outputSchemaDefinition: output);
        Assert.AreEqual(3u, engine.Predict(new Renamed { Name = "fig", Mass = 1, Dimensions = [1, 2] }).Category);
    }

    [TestMethod]
    public void Create_NullModel_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => new MLContext(1).Model.CreatePredictionEngine<PathRow, CopyOutput>(null!));
    }
}
