// Small synthetic images, image-column views and a save/load round trip, shared by the image transform tests.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class ImageRows
{
    /// <summary>A Gray8 image of <paramref name="width"/> × <paramref name="height"/> from row-major grey levels.</summary>
    public static MLImage Gray(int width, int height, params byte[] pixels) => MLImage.CreateFromPixels(width, height, MLPixelFormat.Gray8, pixels);

    /// <summary>An Rgba32 image from row-major (r, g, b, a) quadruples.</summary>
    public static MLImage Rgba(int width, int height, params byte[] pixels) => MLImage.CreateFromPixels(width, height, MLPixelFormat.Rgba32, pixels);

    /// <summary>A view with one image column "Image" of type <paramref name="type"/> (default: any size).</summary>
    public static IDataView View(ImageDataViewType? type, params MLImage[] images)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Image", type ?? new ImageDataViewType());
        return new SingleColumnView<MLImage>(builder.ToSchema(), images);
    }

    /// <summary>The grey levels (or one channel) of every pixel, row-major.</summary>
    public static byte[] Channel(MLImage image, int channel) =>
        Enumerable.Range(0, image.Width * image.Height).Select(i => image.GetPixel(i % image.Width, i / image.Width, channel)).ToArray();

    /// <summary>Saves <paramref name="model"/> to a zip in memory and loads it back into a new context.</summary>
    public static ITransformer SaveAndLoad(ITransformer model, DataViewSchema inputSchema)
    {
        using var stream = new MemoryStream();
        new MLContext(1).Model.Save(model, inputSchema, stream);
        stream.Position = 0;
        return new MLContext(2).Model.Load(stream, out _);
    }
}
