// LoadImages: decodes paths (relative to the image folder) and encoded bytes lazily, propagates its schema, rejects
// missing or wrong-typed inputs before Fit, and reports a bad image with its path and row.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Tests.Images;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms.Image;

namespace Microsoft.ML.Cnn.Tests.Transforms.Image;

[TestClass]
public sealed class ImageLoadingEstimatorTests
{
    private static readonly string Folder = Path.GetDirectoryName(MLImageTests.ImagePath("cat.png"))!;

    private sealed class PathRow
    {
        public string ImagePath { get; set; } = "";
        public float Label { get; set; }
    }

    private sealed class BytesRow
    {
        public byte[] Encoded { get; set; } = [];
    }

    private static IDataView Paths(MLContext context, params string[] paths) =>
        context.Data.LoadFromEnumerable(paths.Select((p, i) => new PathRow { ImagePath = p, Label = i }).ToArray());

    [TestMethod]
    public void Workout_PathsRelativeToFolder_DecodesEveryFormat()
    {
        var context = new MLContext(1);
        var estimator = context.Transforms.LoadImages("Image", Folder, "ImagePath");
        var output = EstimatorWorkout.Run(estimator, Paths(context, "cat.jpg", "cat.png", "pattern.gif", "pattern.bmp", "gray.png"),
            invalidInput: context.Data.LoadFromEnumerable(new[] { new BytesRow() }));
        Assert.AreEqual<DataViewType>(new ImageDataViewType(), output.Schema["Image"].Type);
        var images = TransformRows.Column<MLImage>(output, "Image");
        CollectionAssert.AreEqual(new[] { "32x32 Rgba32", "32x32 Rgba32", "6x4 Rgba32", "6x4 Rgba32", "5x2 Gray8" },
            images.Select(i => i.ToString()).ToArray());
        Assert.AreEqual(167, images[1].GetPixel(0, 0, 0));
    }

    [TestMethod]
    public void Workout_EncodedBytesColumn_Decodes()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(new[] { new BytesRow { Encoded = File.ReadAllBytes(Path.Combine(Folder, "pattern.gif")) } });
        var output = EstimatorWorkout.Run(context.Transforms.LoadImages("Image", null, "Encoded"), data);
        var image = TransformRows.Column<MLImage>(output, "Image").Single();
        Assert.AreEqual(6, image.Width);
        Assert.AreEqual(255, image.GetPixel(0, 0, 0));
    }

    [TestMethod]
    public void Cursor_CorruptEncodedBytes_NamesColumnAndRow()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(new[] { new BytesRow { Encoded = [1, 2, 3, 4] } });
        var output = context.Transforms.LoadImages("Image", null, "Encoded").Fit(data).Transform(data);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TransformRows.Column<MLImage>(output, "Image"));
        StringAssert.Contains(error.Message, "the encoded image in row 0 of column 'Encoded'");
    }

    [TestMethod]
    public void GetOutputSchemaAndFit_MissingInput_NameTheColumn()
    {
        var context = new MLContext(1);
        var (schemaMessage, fitMessage) = EstimatorWorkout.AssertRejected(context.Transforms.LoadImages("Image", Folder, "Path"), Paths(context, "cat.png"));
        StringAssert.Contains(schemaMessage, "Input column 'Path' not found");
        StringAssert.Contains(fitMessage, "'ImagePath' (String)");
    }

    [TestMethod]
    public void GetOutputSchemaAndFit_WrongType_SaysWhatIsAccepted()
    {
        var context = new MLContext(1);
        var (schemaMessage, fitMessage) = EstimatorWorkout.AssertRejected(context.Transforms.LoadImages("Image", Folder, "Label"), Paths(context, "cat.png"));
        StringAssert.Contains(schemaMessage, "expected String (an image path) or Vector<Byte>");
        StringAssert.Contains(fitMessage, "got Single");
        var wrongType = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            new ImageLoadingTransformer(context, "Image", Folder, "Label").GetOutputSchema(Paths(context, "cat.png").Schema));
        StringAssert.Contains(wrongType.Message, "'Label'");
    }

    [TestMethod]
    [DataRow("corrupt.jpg")]
    [DataRow("truncated.jpg")]
    public void Cursor_BadImage_FailsOnlyWhenItsRowIsRead_NamingPathAndRow(string bad)
    {
        var context = new MLContext(1);
        var data = Paths(context, "cat.png", bad, "ship.jpg");
        var output = context.Transforms.LoadImages("Image", Folder, "ImagePath").Fit(data).Transform(data);
        // Lazy: cursoring without the image column never decodes, so the bad row goes unnoticed.
        CollectionAssert.AreEqual(new float[] { 0, 1, 2 }, TransformRows.Column<float>(output, "Label"));
        using var cursor = output.GetRowCursor([output.Schema["Image"]]);
        var getter = cursor.GetGetter<MLImage>(output.Schema["Image"]);
        MLImage image = null!;
        Assert.IsTrue(cursor.MoveNext());
        getter(ref image);
        Assert.AreEqual(32, image.Width);
        Assert.IsTrue(cursor.MoveNext());
        var error = Assert.ThrowsExactly<InvalidDataException>(() => getter(ref image));
        StringAssert.Contains(error.Message, "Row 1 of column 'ImagePath'");
        StringAssert.Contains(error.Message, bad);
        StringAssert.Contains(error.Message, "stb_image says '");
        Assert.IsTrue(cursor.MoveNext());
        getter(ref image);
        Assert.AreEqual(32, image.Height);
    }

    [TestMethod]
    public void Cursor_MissingFileOrEmptyPath_NamesRow()
    {
        var context = new MLContext(1);
        var data = Paths(context, "absent.png", "  ");
        var output = context.Transforms.LoadImages("Image", Folder, "ImagePath").Fit(data).Transform(data);
        using var cursor = output.GetRowCursor([output.Schema["Image"]]);
        var getter = cursor.GetGetter<MLImage>(output.Schema["Image"]);
        MLImage image = null!;
        cursor.MoveNext();
        var missing = Assert.ThrowsExactly<FileNotFoundException>(() => getter(ref image));
        StringAssert.Contains(missing.Message, "Row 0 of column 'ImagePath'");
        StringAssert.Contains(missing.Message, "absent.png");
        cursor.MoveNext();
        var empty = Assert.ThrowsExactly<InvalidDataException>(() => getter(ref image));
        StringAssert.Contains(empty.Message, "Row 1 of column 'ImagePath' has an empty image path");
    }

    [TestMethod]
    public void Cursor_GetterCalledTwicePerRow_DecodesOnce()
    {
        var context = new MLContext(1);
        var data = Paths(context, "cat.png", "cat.png");
        var output = context.Transforms.LoadImages("Image", Folder, "ImagePath").Fit(data).Transform(data);
        using var cursor = output.GetRowCursor([output.Schema["Image"]]);
        var getter = cursor.GetGetter<MLImage>(output.Schema["Image"]);
        MLImage first = null!, again = null!, next = null!;
        cursor.MoveNext();
        getter(ref first);
        getter(ref again);
        cursor.MoveNext();
        getter(ref next);
        Assert.AreSame(first, again);
        Assert.AreNotSame(first, next);
    }

    [TestMethod]
    public void Transform_NoFolder_PathsUsedAsGiven()
    {
        var context = new MLContext(1);
        var data = Paths(context, MLImageTests.ImagePath("frog.jpg"));
        var output = context.Transforms.LoadImages("ImagePath", imageFolder: null).Fit(data).Transform(data);
        Assert.AreEqual<DataViewType>(new ImageDataViewType(), output.Schema["ImagePath"].Type);
        Assert.AreEqual(32, TransformRows.Column<MLImage>(output, "ImagePath").Single().Width);
    }

    [TestMethod]
    public void Transform_SkipRow_DropsBadRowsAndLogsEach()
    {
        var context = new MLContext(1);
        var warnings = new List<string>();
        context.Log += (_, e) => { if (e.Kind == ChannelMessageKind.Warning) warnings.Add(e.RawMessage); };
        var data = Paths(context, "cat.png", "corrupt.jpg", "absent.png", "ship.jpg", "truncated.jpg");
        var transformer = context.Transforms.LoadImages("Image", Folder, "ImagePath", invalidImages: InvalidImageHandling.SkipRow).Fit(data);
        Assert.IsFalse(transformer.IsRowToRowMapper);
        var output = transformer.Transform(data);
        CollectionAssert.AreEqual(new float[] { 0, 3 }, TransformRows.Column<float>(output, "Label"));
        Assert.HasCount(3, warnings);
        StringAssert.Contains(warnings[0], "(1 skipped so far by this cursor): Row 1 of column 'ImagePath'");
        StringAssert.Contains(warnings[1], "(2 skipped so far by this cursor): Row 2 of column 'ImagePath'");
        StringAssert.Contains(warnings[2], "truncated.jpg");
        Assert.AreEqual(2, TransformRows.Column<MLImage>(output, "Image").Length);
    }

    [TestMethod]
    public void Constructor_UnknownHandling_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ImageLoadingTransformer(new MLContext(1), "Image", null, invalidImages: (InvalidImageHandling)7));
}
