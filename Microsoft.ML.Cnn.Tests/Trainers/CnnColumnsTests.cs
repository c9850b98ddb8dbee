// How the Cnn trainers read the feature column: dimensions to input shapes, and the errors for features that cannot
// be used or do not fit the architecture (naming the column, its shape and the layer).
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Trainers;

public sealed class FlatQuadrantRow
{
    public string Label = "";
    [VectorType(64)] public float[] Features = [];
}

public sealed class VariableQuadrantRow
{
    public string Label = "";
    public float[] Features = [];
}

public sealed class DoubleQuadrantRow
{
    public string Label = "";
    [VectorType(1, 8, 8)] public double[] Features = [];
}

[TestClass]
public sealed class CnnColumnsTests
{
    [TestMethod]
    [DataRow(new[] { 3, 32, 32 }, new[] { 3, 32, 32 })]
    [DataRow(new[] { 28, 28 }, new[] { 1, 28, 28 })]
    [DataRow(new[] { 784 }, new[] { 784 })]
    public void Features_KnownSizeSingleVector_GivesTheInputShape(int[] dimensions, int[] expected)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, dimensions));

        var (_, shape) = CnnColumns.Features(builder.ToSchema(), "Features");

        Assert.AreEqual(new Shape(expected), shape);
    }

    [TestMethod]
    public void Features_FourDimensions_FailsNamingTheColumn()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Pixels", new VectorDataViewType(NumberDataViewType.Single, 1, 3, 8, 8));

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => CnnColumns.Features(builder.ToSchema(), "Pixels"));

        StringAssert.Contains(error.Message, "'Pixels'");
        StringAssert.Contains(error.Message, "4 dimensions");
    }

    [TestMethod]
    public void Fit_VariableSizeOrDoubleFeatures_FailsAtSchemaAndFit()
    {
        var ml = new MLContext(seed: 1);
        var trainer = ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>());
        IDataView Keyed<T>(T[] rows) where T : class
        {
            var view = ml.Data.LoadFromEnumerable(rows);
            return ml.Transforms.Conversion.MapValueToKey("Label").Fit(view).Transform(view);
        }

        var variable = EstimatorWorkout.AssertRejected(trainer, Keyed(new[] { new VariableQuadrantRow { Label = "a", Features = new float[64] } }));
        var doubles = EstimatorWorkout.AssertRejected(trainer, Keyed(new[] { new DoubleQuadrantRow { Label = "a", Features = new double[64] } }));

        StringAssert.Contains(variable.FitMessage, "Schema mismatch for input column 'Features': expected a known-size vector of Single");
        StringAssert.Contains(variable.FitMessage, "got VarVector<Single>");
        StringAssert.Contains(doubles.SchemaMessage, "got Vector<Double>");
    }

    [TestMethod]
    public void Fit_ImagesTooSmallForThePreset_NamesColumnShapeAndLayer()
    {
        var ml = new MLContext(seed: 1);
        var view = ml.Data.LoadFromEnumerable(QuadrantData.Rows(12));
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(view).Transform(view);
        var trainer = ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.Architecture = ArchitecturePreset.LeNet5Classic));

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => trainer.Fit(keyed));

        StringAssert.Contains(error.Message, "Feature column 'Features' (Vector<Single, 1, 8, 8>, samples of shape (1, 8, 8)) does not fit the preset LeNet5Classic");
        StringAssert.Contains(error.Message, "Layer 'c3' (Conv2D)");
        Assert.IsInstanceOfType<ShapeInferenceException>(error.InnerException);
    }

    [TestMethod]
    public void Fit_FlatFeaturesWithAnImagePreset_SuggestsDeclaringDimensionsAndFlatNetworksWork()
    {
        var ml = new MLContext(seed: 1);
        var rows = QuadrantData.Rows(60).Select(r => new FlatQuadrantRow { Label = r.Label, Features = r.Features }).ToArray();
        var view = ml.Data.LoadFromEnumerable(rows);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(view).Transform(view);
        var dense = CnnArchitecture.FromFactory((shape, outputs) => Network.Sequential(shape.ToArray(), [new Dense(8, Activation.Relu), new Dense(outputs)], seed: 1));

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.Architecture = null)).Fit(keyed));
        using var model = ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.Architecture = dense)).Fit(keyed);

        StringAssert.Contains(error.Message, "does not fit the preset SeedCnn");
        StringAssert.Contains(error.Message, "declare the column's dimensions as (C, H, W)");
        Assert.AreEqual(new Shape(64), model.Network.InputShape);
    }
}
