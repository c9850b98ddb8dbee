// ConvertToGrayscale: schema propagation on real images (the image type, size included, is kept) and rejection of
// non-image inputs.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Transforms.Image;

[TestClass]
public sealed class ImageGrayscalingEstimatorTests
{
    [TestMethod]
    public void Workout_RealImages_Gray8OfSameSize()
    {
        var context = new MLContext(1);
        var data = ImageResizingEstimatorTests.LoadedImages(context, "cat.png", "gray.png");
        var output = EstimatorWorkout.Run(context.Transforms.ConvertToGrayscale("Gray", "Image"), data,
            invalidInput: context.Data.LoadFromEnumerable(new[] { new ImageResizingEstimatorTests.PathRow { ImagePath = "x" } }));
        Assert.AreEqual<DataViewType>(new ImageDataViewType(), output.Schema["Gray"].Type);
        var images = TransformRows.Column<MLImage>(output, "Gray");
        CollectionAssert.AreEqual(new[] { "32x32 Gray8", "5x2 Gray8" }, images.Select(i => i.ToString()).ToArray());
        Assert.AreEqual(118, images[0].GetPixel(0, 0, 0)); // (167, 107, 47): 50.1 + 63.13 + 5.17 = 118.4
    }

    [TestMethod]
    public void Workout_AfterResize_KeepsKnownSizeForExtractPixels()
    {
        var context = new MLContext(1);
        var pipeline = context.Transforms.ResizeImages("Image", 4, 4).Append(context.Transforms.ConvertToGrayscale("Image"))
            .Append(context.Transforms.ExtractPixels("Features", "Image", Cnn.Transforms.Image.ImagePixelExtractingEstimator.ColorBits.Grayscale));
        var data = ImageResizingEstimatorTests.LoadedImages(context, "cat.png");
        var output = pipeline.Fit(data).Transform(data);
        Assert.AreEqual<DataViewType>(new VectorDataViewType(NumberDataViewType.Single, 1, 4, 4), output.Schema["Features"].Type);
    }
}
