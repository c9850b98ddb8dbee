// The augmentation transformer: save/load keeps the augmentation, and a loaded chain still marks the column.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Training;
using Microsoft.ML.Cnn.Transforms.Augmentation;

namespace Microsoft.ML.Cnn.Tests.Transforms.Augmentation;

[TestClass]
public sealed class ImageAugmentingTransformerTests
{
    [TestMethod]
    public void SaveLoad_Chain_SameCombinedAnnotation()
    {
        var context = new MLContext(1);
        var data = ImageAugmentingEstimatorTests.Rows(context);
        var model = context.Transforms.RandomHorizontalFlip("Features")
            .Append(context.Transforms.RandomTranslation("Features", 0.34f, 0.25f, ImagePaddingMode.Zeros)).Fit(data);
        var loaded = ImageRows.SaveAndLoad(model, data.Schema);
        var expected = new ImageAugmentation(HorizontalFlip: true) { TranslationHeightFactor = 0.34f, TranslationWidthFactor = 0.25f };
        Assert.AreEqual(expected, ImageAugmentingEstimatorTests.AnnotationOf(loaded.Transform(data), "Features"));
    }

    [TestMethod]
    public void SaveLoad_Transformer_SameColumnAndAugmentation()
    {
        var context = new MLContext(1);
        var data = ImageAugmentingEstimatorTests.Rows(context);
        var original = new ImageAugmentingTransformer("Features", new ImageAugmentation(MaxTranslation: 2) { FillMode = ImagePaddingMode.Symmetric });
        var loaded = (ImageAugmentingTransformer)ImageRows.SaveAndLoad(original, data.Schema);
        Assert.AreEqual(original.ColumnName, loaded.ColumnName);
        Assert.AreEqual(original.Augmentation, loaded.Augmentation);
    }
}
