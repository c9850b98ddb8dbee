// ResizeImages: schema propagation after LoadImages on real images, and rejection of non-image inputs.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Tests.Images;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Transforms.Image;

[TestClass]
public sealed class ImageResizingEstimatorTests
{
    internal static readonly string Folder = Path.GetDirectoryName(MLImageTests.ImagePath("cat.png"))!;

    internal sealed class PathRow
    {
        public string ImagePath { get; set; } = "";
    }

    internal static IDataView LoadedImages(MLContext context, params string[] files) =>
        context.Transforms.LoadImages("Image", Folder, "ImagePath")
            .Fit(context.Data.LoadFromEnumerable(files.Select(f => new PathRow { ImagePath = f }).ToArray()))
            .Transform(context.Data.LoadFromEnumerable(files.Select(f => new PathRow { ImagePath = f }).ToArray()));

    [TestMethod]
    public void Workout_RealImagesOfMixedSizes_AllBecomeRequestedSize()
    {
        var context = new MLContext(1);
        var data = LoadedImages(context, "cat.jpg", "pattern.gif", "gray.png");
        var output = EstimatorWorkout.Run(context.Transforms.ResizeImages("Small", imageWidth: 8, imageHeight: 6, inputColumnName: "Image"), data,
            invalidInput: context.Data.LoadFromEnumerable(new[] { new PathRow { ImagePath = "cat.jpg" } }));
        Assert.AreEqual<DataViewType>(new ImageDataViewType(6, 8), output.Schema["Small"].Type);
        CollectionAssert.AreEqual(new[] { "8x6 Rgba32", "8x6 Rgba32", "8x6 Gray8" },
            TransformRows.Column<MLImage>(output, "Small").Select(i => i.ToString()).ToArray());
    }

    [TestMethod]
    public void GetOutputSchema_TextInput_NamesColumnAndExpectedType()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(new[] { new PathRow { ImagePath = "cat.jpg" } });
        var (schemaMessage, fitMessage) = EstimatorWorkout.AssertRejected(context.Transforms.ResizeImages("Small", 8, 6, "ImagePath"), data);
        StringAssert.Contains(schemaMessage, "'ImagePath': expected Image");
        StringAssert.Contains(fitMessage, "got String");
    }
}
