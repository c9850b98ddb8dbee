// ExtractPixels' transformer on the real test images: planar vs interleaved layout, plane order, alpha, the
// Grayscale plane, (pixel - offset) * scale, byte output, a row of the wrong size, and save/load.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms.Image;
using static Microsoft.ML.Cnn.Transforms.Image.ImagePixelExtractingEstimator;

namespace Microsoft.ML.Cnn.Tests.Transforms.Image;

[TestClass]
public sealed class ImagePixelExtractingTransformerTests
{
    // cat.png pixel (0, 0) is RGBA (167, 107, 47, 255) and pixel (31, 31) is (27, 79, 129, 255) (read with PIL).
    private static IDataView Cat(MLContext context) =>
        context.Transforms.ResizeImages("Image", 32, 32).Fit(ImageResizingEstimatorTests.LoadedImages(context, "cat.png"))
            .Transform(ImageResizingEstimatorTests.LoadedImages(context, "cat.png"));

    private static (float[] Values, VectorDataViewType Type) Extract(ImagePixelExtractingTransformer transformer, IDataView data)
    {
        var output = transformer.Transform(data);
        return (TransformRows.VectorColumn<float>(output, transformer.OutputColumnName).Single(), (VectorDataViewType)output.Schema[transformer.OutputColumnName].Type);
    }

    [TestMethod]
    public void Transform_Planar_ChannelsThenRowsThenColumns()
    {
        var (values, type) = Extract(new ImagePixelExtractingTransformer("Pixels", "Image"), Cat(new MLContext(1)));
        CollectionAssert.AreEqual(new[] { 3, 32, 32 }, type.Dimensions.ToArray());
        CollectionAssert.AreEqual(new float[] { 167, 107, 47 }, new[] { values[0], values[1024], values[2048] });
        CollectionAssert.AreEqual(new float[] { 27, 79, 129 }, new[] { values[1023], values[2047], values[3071] });
    }

    [TestMethod]
    public void Transform_Interleaved_EachPixelsChannelsTogether()
    {
        var (values, type) = Extract(new ImagePixelExtractingTransformer("Pixels", "Image", interleavePixelColors: true), Cat(new MLContext(1)));
        CollectionAssert.AreEqual(new[] { 32, 32, 3 }, type.Dimensions.ToArray());
        CollectionAssert.AreEqual(new float[] { 167, 107, 47 }, values[..3]);
        CollectionAssert.AreEqual(new float[] { 27, 79, 129 }, values[^3..]);
    }

    [TestMethod]
    public void Transform_OffsetAndScale_SubtractsThenMultiplies()
    {
        var transformer = new ImagePixelExtractingTransformer("Pixels", "Image", interleavePixelColors: true, offsetImage: 100, scaleImage: 0.5f);
        var (values, _) = Extract(transformer, Cat(new MLContext(1)));
        CollectionAssert.AreEqual(new float[] { 33.5f, 3.5f, -26.5f }, values[..3]);
    }

    [TestMethod]
    public void Transform_AllInOrderAbgr_AlphaFirstThenBlueGreenRed()
    {
        var transformer = new ImagePixelExtractingTransformer("Pixels", "Image", ColorBits.All, ColorsOrder.ABGR, interleavePixelColors: true);
        var (values, type) = Extract(transformer, Cat(new MLContext(1)));
        Assert.AreEqual(4, type.Dimensions[2]);
        CollectionAssert.AreEqual(new float[] { 255, 47, 107, 167 }, values[..4]);
    }

    [TestMethod]
    public void Transform_GrayscaleWithAlpha_AlphaThenLuminance()
    {
        // 0.3 * 167 + 0.59 * 107 + 0.11 * 47 = 118.4 and 0.3 * 27 + 0.59 * 79 + 0.11 * 129 = 69.4.
        var transformer = new ImagePixelExtractingTransformer("Pixels", "Image", ColorBits.Grayscale | ColorBits.Alpha);
        var (values, type) = Extract(transformer, Cat(new MLContext(1)));
        CollectionAssert.AreEqual(new[] { 2, 32, 32 }, type.Dimensions.ToArray());
        CollectionAssert.AreEqual(new float[] { 255, 118, 255, 69 }, new[] { values[0], values[1024], values[1023], values[2047] });
    }

    [TestMethod]
    public void Transform_GrayImageAsRgb_ThreeEqualPlanesOrOneGrayscalePlane()
    {
        var data = ImageRows.View(new ImageDataViewType(1, 2), ImageRows.Gray(2, 1, 10, 200));
        CollectionAssert.AreEqual(new float[] { 10, 200, 10, 200, 10, 200 }, Extract(new ImagePixelExtractingTransformer("P", "Image"), data).Values);
        CollectionAssert.AreEqual(new float[] { 10, 200 }, Extract(new ImagePixelExtractingTransformer("P", "Image", ColorBits.Grayscale), data).Values);
    }

    [TestMethod]
    public void Transform_ByteOutput_RawBytesOfByteVectorType()
    {
        var data = ImageRows.View(new ImageDataViewType(1, 1), ImageRows.Rgba(1, 1, 1, 2, 3, 4));
        var output = new ImagePixelExtractingTransformer("P", "Image", ColorBits.All, outputAsFloatArray: false).Transform(data);
        Assert.AreEqual<DataViewType>(new VectorDataViewType(NumberDataViewType.Byte, 4, 1, 1), output.Schema["P"].Type);
        CollectionAssert.AreEqual(new byte[] { 4, 1, 2, 3 }, TransformRows.VectorColumn<byte>(output, "P").Single());
    }

    [TestMethod]
    public void Cursor_ImageOfOtherSizeThanType_FailsNamingRowAndResize()
    {
        var data = ImageRows.View(new ImageDataViewType(2, 2), ImageRows.Gray(2, 2, 1, 2, 3, 4), ImageRows.Gray(3, 1, 1, 2, 3));
        var output = new ImagePixelExtractingTransformer("P", "Image").Transform(data);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => TransformRows.VectorColumn<float>(output, "P"));
        StringAssert.Contains(e.Message, "Row 1 of column 'Image' holds a 3x1 image");
        StringAssert.Contains(e.Message, "ResizeImages");
    }

    [TestMethod]
    public void Constructor_InvalidSettings_SayWhatToChange()
    {
        var mixed = Assert.ThrowsExactly<ArgumentException>(() => new ImagePixelExtractingTransformer("P", "I", ColorBits.Grayscale | ColorBits.Red));
        StringAssert.Contains(mixed.Message, "Grayscale combines with Alpha only");
        var bytes = Assert.ThrowsExactly<ArgumentException>(() => new ImagePixelExtractingTransformer("P", "I", scaleImage: 2, outputAsFloatArray: false));
        StringAssert.Contains(bytes.Message, "float output only");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ImagePixelExtractingTransformer("P", "I", scaleImage: 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ImagePixelExtractingTransformer("P", "I", (ColorBits)0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ImagePixelExtractingTransformer("P", "I", orderOfExtraction: 0));
    }

    [TestMethod]
    public void SaveLoad_RoundTrip_SameValues()
    {
        var data = Cat(new MLContext(1));
        var original = new ImagePixelExtractingTransformer("Pixels", "Image", ColorBits.Grayscale | ColorBits.Alpha, ColorsOrder.AGRB, true, 3, 0.25f);
        var loaded = (ImagePixelExtractingTransformer)ImageRows.SaveAndLoad(original, data.Schema);
        Assert.AreEqual(original.ColorsToExtract, loaded.ColorsToExtract);
        CollectionAssert.AreEqual(Extract(original, data).Values, Extract(loaded, data).Values);
    }
}
