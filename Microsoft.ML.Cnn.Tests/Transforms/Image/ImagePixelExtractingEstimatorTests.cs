// ExtractPixels: schema propagation through LoadImages -> ResizeImages -> ExtractPixels, and the schema errors for
// images of unknown size (pointing at ResizeImages) and non-image inputs.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Transforms.Image;

[TestClass]
public sealed class ImagePixelExtractingEstimatorTests
{
    [TestMethod]
    public void Workout_AfterResize_PlanarSingleVector()
    {
        var context = new MLContext(1);
        var resized = context.Transforms.ResizeImages("Image", 8, 6);
        var data = ImageResizingEstimatorTests.LoadedImages(context, "cat.jpg", "gray.png", "pattern_rgba.png");
        data = resized.Fit(data).Transform(data);
        var output = EstimatorWorkout.Run(context.Transforms.ExtractPixels("Features", "Image", scaleImage: 1f / 255), data,
            invalidInput: context.Data.LoadFromEnumerable(new[] { new ImageResizingEstimatorTests.PathRow { ImagePath = "x" } }));
        Assert.AreEqual<DataViewType>(new VectorDataViewType(NumberDataViewType.Single, 3, 6, 8), output.Schema["Features"].Type);
        Assert.IsTrue(TransformRows.VectorColumn<float>(output, "Features").SelectMany(v => v).All(v => v is >= 0 and <= 1));
    }

    [TestMethod]
    public void GetOutputSchemaAndFit_UnknownSizeImages_SuggestResizeImages()
    {
        var context = new MLContext(1);
        var data = ImageResizingEstimatorTests.LoadedImages(context, "cat.jpg");
        var (schemaMessage, fitMessage) = EstimatorWorkout.AssertRejected(context.Transforms.ExtractPixels("Features", "Image"), data);
        StringAssert.Contains(schemaMessage, "'Image'");
        StringAssert.Contains(schemaMessage, "add ResizeImages before ExtractPixels");
        StringAssert.Contains(fitMessage, "add ResizeImages before ExtractPixels");
    }

    [TestMethod]
    public void GetOutputSchema_MissingColumn_ListsAvailable()
    {
        var context = new MLContext(1);
        var data = ImageResizingEstimatorTests.LoadedImages(context, "cat.jpg");
        var (schemaMessage, _) = EstimatorWorkout.AssertRejected(context.Transforms.ExtractPixels("Features", "Picture"), data);
        StringAssert.Contains(schemaMessage, "Input column 'Picture' not found");
    }

    [TestMethod]
    public void Pipeline_LoadResizeExtractNormalizeAugment_SavedModelGivesSameFeatures()
    {
        var context = new MLContext(1);
        var paths = context.Data.LoadFromEnumerable(new[] { "cat.jpg", "pattern.gif", "gray.png" }
            .Select(p => new ImageResizingEstimatorTests.PathRow { ImagePath = p }).ToArray());
        var pipeline = context.Transforms.LoadImages("Image", ImageResizingEstimatorTests.Folder, "ImagePath")
            .Append(context.Transforms.ResizeImages("Image", 6, 6, resizing: Cnn.Transforms.Image.ImageResizingEstimator.ResizingKind.IsoPad))
            .Append(context.Transforms.ExtractPixels("Features", "Image", scaleImage: 1f / 255))
            .Append(context.Transforms.NormalizeImageChannels("Features", mean: [0.485f, 0.456f, 0.406f], std: [0.229f, 0.224f, 0.225f]))
            .Append(context.Transforms.RandomHorizontalFlip("Features"));
        var model = pipeline.Fit(paths);
        var loaded = ImageRows.SaveAndLoad(model, paths.Schema);
        var expected = TransformRows.VectorColumn<float>(model.Transform(paths), "Features");
        var actual = TransformRows.VectorColumn<float>(loaded.Transform(paths), "Features");
        for (int row = 0; row < expected.Length; row++) CollectionAssert.AreEqual(expected[row], actual[row]);
        Assert.AreEqual<DataViewType>(new VectorDataViewType(NumberDataViewType.Single, 3, 6, 6), loaded.Transform(paths).Schema["Features"].Type);
    }
}
