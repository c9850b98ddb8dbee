// RandomHorizontalFlip / RandomCrop / RandomTranslation: identity at Transform, the TrainingAugmentation annotation
// present and combined along a chain (and kept by later normalization), and clear errors for bad columns and settings.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Transforms.Augmentation;

public sealed class AugmentationRow
{
    [VectorType(1, 3, 4)] public float[] Features = [];
    [VectorType(12)] public float[] Flat = [];
    public string Name = "";
}

[TestClass]
public sealed class ImageAugmentingEstimatorTests
{
    internal static IDataView Rows(MLContext context) => context.Data.LoadFromEnumerable(new[]
    {
        new AugmentationRow { Features = Enumerable.Range(0, 12).Select(v => (float)v).ToArray(), Flat = new float[12], Name = "a" },
        new AugmentationRow { Features = Enumerable.Range(0, 12).Select(v => v * 2f).ToArray(), Flat = new float[12], Name = "b" },
    });

    internal static ImageAugmentation AnnotationOf(IDataView view, string column)
    {
        ImageAugmentation value = null!;
        view.Schema[column].Annotations.GetValue(AnnotationKinds.TrainingAugmentation, ref value);
        return value;
    }

    [TestMethod]
    public void Workout_Flip_ValuesUnchangedAnnotationAdded()
    {
        var context = new MLContext(1);
        var data = Rows(context);
        var output = EstimatorWorkout.Run(context.Transforms.RandomHorizontalFlip("Features"), data,
            invalidInput: TransformRows.Points(context));
        Assert.AreEqual(data.Schema["Features"].Type, output.Schema["Features"].Type);
        CollectionAssert.AreEqual(TransformRows.VectorColumn<float>(data, "Features")[1], TransformRows.VectorColumn<float>(output, "Features")[1]);
        Assert.AreEqual(new ImageAugmentation(HorizontalFlip: true), AnnotationOf(output, "Features"));
    }

    [TestMethod]
    public void Fit_ChainedFlipAndCrop_CombineIntoOneAugmentation()
    {
        var context = new MLContext(1);
        var data = Rows(context);
        var pipeline = context.Transforms.RandomHorizontalFlip("Features")
            .Append(context.Transforms.RandomCrop("Features", padding: 1, paddingMode: ImagePaddingMode.Reflect));
        var output = pipeline.Fit(data).Transform(data);
        Assert.AreEqual(new ImageAugmentation(HorizontalFlip: true, MaxTranslation: 1) { FillMode = ImagePaddingMode.Reflect }, AnnotationOf(output, "Features"));
    }

    [TestMethod]
    public void Fit_TranslationThenNormalization_AnnotationSurvives()
    {
        var context = new MLContext(1);
        var data = Rows(context);
        var pipeline = context.Transforms.RandomTranslation("Features", heightFactor: 0.3f, widthFactor: 0.25f)
            .Append(context.Transforms.NormalizeImageChannels("Features"));
        var augmentation = AnnotationOf(pipeline.Fit(data).Transform(data), "Features");
        Assert.AreEqual((0.3f, 0.25f, ImagePaddingMode.Symmetric), (augmentation.TranslationHeightFactor, augmentation.TranslationWidthFactor, augmentation.FillMode));
    }

    [TestMethod]
    public void Fit_CropThenTranslation_SaysOneTranslationPerColumn()
    {
        var context = new MLContext(1);
        var data = Rows(context);
        var cropped = context.Transforms.RandomCrop("Features", 1).Fit(data).Transform(data);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Transforms.RandomTranslation("Features", 0.3f, 0).Fit(cropped));
        StringAssert.Contains(e.Message, "column 'Features'");
        StringAssert.Contains(e.Message, "one RandomCrop or RandomTranslation");
    }

    [TestMethod]
    public void Fit_PaddingAsLargeAsImage_NamesColumnAndRange()
    {
        var context = new MLContext(1);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Transforms.RandomCrop("Features", 3).Fit(Rows(context)));
        StringAssert.Contains(e.Message, "column 'Features' (1, 3, 4)");
        StringAssert.Contains(e.Message, "[0, 2]");
    }

    [TestMethod]
    public void Fit_FlatVector_NeedsThreeDimensions()
    {
        var context = new MLContext(1);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Transforms.RandomHorizontalFlip("Flat").Fit(Rows(context)));
        StringAssert.Contains(e.Message, "'Flat': expected a known-size vector of Single with dimensions (C, H, W)");
    }

    [TestMethod]
    public void GetOutputSchemaAndFit_TextColumn_Rejected()
    {
        var context = new MLContext(1);
        var (schemaMessage, fitMessage) = EstimatorWorkout.AssertRejected(context.Transforms.RandomHorizontalFlip("Name"), Rows(context));
        StringAssert.Contains(schemaMessage, "'Name'");
        StringAssert.Contains(fitMessage, "got String");
    }

    [TestMethod]
    public void Catalog_BadSettings_ThrowAtOnce()
    {
        var transforms = new MLContext(1).Transforms;
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transforms.RandomCrop("Features", 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transforms.RandomCrop("Features", 2, (ImagePaddingMode)9));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transforms.RandomTranslation("Features", 1f, 0.1f));
        var e = Assert.ThrowsExactly<ArgumentException>(() => transforms.RandomTranslation("Features", 0, 0));
        StringAssert.Contains(e.Message, "never translate");
    }
}
