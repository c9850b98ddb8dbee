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
}
