// Real test images and the fitted pipelines the ONNX tests export: SeedCnn, LeNet-5, SmallResNet and SmallMobileNet
// behind ExtractPixels and the normalizers, trained briefly (the weights only need to be the trained ones).
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Trainers;
using static Microsoft.ML.Cnn.Transforms.Image.ImagePixelExtractingEstimator;

namespace Microsoft.ML.Cnn.Tests.Onnx;

public sealed class LabeledImageRow
{
    public string ImagePath = "";
    public string Label = "";
    public bool Positive;
    public float Value;
}

internal static class OnnxTestPipelines
{
    /// <summary>The decodable test images (JPEG, PNG, BMP, GIF; color, grey and RGBA).</summary>
    public static readonly string[] Images =
    [
        "cat.jpg", "frog.jpg", "ship.jpg", "cat.png", "cat.bmp", "pattern.bmp", "pattern.gif", "pattern_rgba.png", "gray.png",
        "cat_fill_20x12.pil.png", "cat_isocrop_16x8.pil.png", "pattern_fill_15x10.pil.png",
    ];

    public static IDataView Data(MLContext ml) => ml.Data.LoadFromEnumerable(Images.Select((name, i) => new LabeledImageRow
    {
        ImagePath = Path.Combine(AppContext.BaseDirectory, "TestData", "Images", name),
        Label = "abc"[i % 3].ToString(),
        Positive = i % 2 == 0,
        Value = i / 4f,
    }).ToArray());

    /// <summary>LoadImages and ResizeImages: the steps the ONNX model leaves to the caller.</summary>
    public static IEstimator<ITransformer> LoadAndResize(MLContext ml, int size) =>
        ml.Transforms.LoadImages("Image", imageFolder: null, "ImagePath").Append(ml.Transforms.ResizeImages("Image", size, size));

    private static TOptions Options<TOptions>(CnnArchitecture architecture, string label = "Label", BackendKind backend = BackendKind.Managed)
        where TOptions : CnnTrainerOptions, new() => new()
    {
        Architecture = architecture, LabelColumnName = label, MaxEpoch = 2, BatchSize = 4, LearningRate = 0.01f, Seed = 3, Backend = backend, NumberOfThreads = 2,
    };

    /// <summary>SeedCnn, multiclass: ExtractPixels /255, fitted NormalizeImageChannels, a flip (identity when scoring), MapKeyToValue after.</summary>
    public static IEstimator<ITransformer> SeedCnnMulticlass(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(LoadAndResize(ml, 28))
            .Append(ml.Transforms.ExtractPixels("Features", "Image", scaleImage: 1f / 255))
            .Append(ml.Transforms.NormalizeImageChannels("Features"))
            .Append(ml.Transforms.RandomHorizontalFlip("Features"))
            .Append(ml.MulticlassClassification.Trainers.Cnn(Options<CnnMulticlassTrainer.Options>(ArchitecturePreset.SeedCnn)))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));

    /// <summary>LeNet-5 (tanh, average pooling), binary: grey pixels, ExtractPixels' offset 128 and scale 1/128, per-value NormalizeMinMax.</summary>
    public static IEstimator<ITransformer> LeNet5Binary(MLContext ml) =>
        LoadAndResize(ml, 32)
            .Append(ml.Transforms.ConvertToGrayscale("Image"))
            .Append(ml.Transforms.ExtractPixels("Features", "Image", ColorBits.Grayscale, offsetImage: 128f, scaleImage: 1f / 128))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.BinaryClassification.Trainers.Cnn(Options<CnnBinaryTrainer.Options>(ArchitecturePreset.LeNet5Classic, "Positive")));

    /// <summary>SmallResNet, multiclass on the default backend (oneDNN when installed): ImageNet's channel mean and std.</summary>
    public static IEstimator<ITransformer> SmallResNetMulticlass(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(LoadAndResize(ml, 32))
            .Append(ml.Transforms.ExtractPixels("Features", "Image", scaleImage: 1f / 255))
            .Append(ml.Transforms.NormalizeImageChannels("Features", mean: [0.485f, 0.456f, 0.406f], std: [0.229f, 0.224f, 0.225f]))
            .Append(ml.MulticlassClassification.Trainers.Cnn(Options<CnnMulticlassTrainer.Options>(ArchitecturePreset.SmallResNet, backend: BackendKind.Auto)));

    /// <summary>SmallMobileNet, regression: BGR pixels through a copy, per-value NormalizeMeanVariance.</summary>
    public static IEstimator<ITransformer> SmallMobileNetRegression(MLContext ml) =>
        LoadAndResize(ml, 24)
            .Append(ml.Transforms.ExtractPixels("Pixels", "Image", orderOfExtraction: ColorsOrder.ABGR))
            .Append(ml.Transforms.CopyColumns("Features", "Pixels"))
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.Regression.Trainers.Cnn(Options<CnnRegressionTrainer.Options>(ArchitecturePreset.SmallMobileNet, "Value")));

    /// <summary>The raw pixels (ExtractPixels with offset 0 and scale 1) the exported models take, row after row.</summary>
    public static float[] RawPixels(MLContext ml, IDataView data, int size, ColorBits colors = ColorBits.Rgb, ColorsOrder order = ColorsOrder.ARGB, bool grayscale = false)
    {
        var prefix = LoadAndResize(ml, size);
        if (grayscale) prefix = prefix.Append(ml.Transforms.ConvertToGrayscale("Image"));
        var pixels = prefix.Append(ml.Transforms.ExtractPixels("Raw", "Image", colors, order)).Fit(data).Transform(data);
        return [.. TestSupport.TransformRows.VectorColumn<float>(pixels, "Raw").SelectMany(row => row)];
    }

    /// <summary>Every value of a Single or Single-vector column, row after row.</summary>
    public static float[] Values(IDataView view, string column) => view.Schema[column].Type is VectorDataViewType
        ? [.. TestSupport.TransformRows.VectorColumn<float>(view, column).SelectMany(row => row)]
        : TestSupport.TransformRows.Column<float>(view, column);
}
