// PredictionEngine: single predictions equal the bulk Transform's rows for every transform (keys, vectors, text,
// images from paths and bytes); one cursor serves every call unless a step reads ahead; misuse fails clearly.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Prediction;
using Microsoft.ML.Cnn.Tests.Images;
using Microsoft.ML.Cnn.Tests.TestSupport;
using ColumnCopyingTransformer = Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer;

namespace Microsoft.ML.Cnn.Tests.Prediction;

public sealed class FruitPrediction
{
    public uint Key;
    public float[] Features = [];
    [ColumnName("Features")] public VBuffer<float> FeatureBuffer;
    public string Back = "";
    public string Copy = "";
    public float Weight;
}

[TestClass]
public sealed class PredictionEngineTests
{
    private static readonly string ImageFolder = Path.GetDirectoryName(MLImageTests.ImagePath("cat.png"))!;

    /// <summary>MapValueToKey, Concatenate, CopyColumns and MapKeyToValue fitted on the fruit rows.</summary>
    internal static (MLContext Context, IDataView Data, ITransformer Model) FruitModel()
    {
        var context = new MLContext(1);
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var model = context.Transforms.Conversion.MapValueToKey("Key", "Fruit")
            .Append(context.Transforms.Concatenate("Features", "Weight", "Size"))
            .Append(context.Transforms.CopyColumns("Copy", "Fruit"))
            .Append(context.Transforms.Conversion.MapKeyToValue("Back", "Key"))
            .Fit(data);
        return (context, data, model);
    }

    internal static FruitRow Fruit(string fruit, float weight) => new() { Fruit = fruit, Weight = weight, Size = [weight, 10 * weight] };

    internal static string Describe(FruitPrediction p) =>
        $"{p.Key}|{string.Join(",", p.Features)}|{string.Join(",", p.FeatureBuffer.DenseValues())}|{p.Back}|{p.Copy}|{p.Weight}";

    [TestMethod]
    public void Predict_EveryRow_MatchesBulkTransform()
    {
        var (context, data, model) = FruitModel();
        var expected = context.Data.CreateEnumerable<FruitPrediction>(model.Transform(data)).Select(Describe).ToArray();
        using var engine = context.Model.CreatePredictionEngine<FruitRow, FruitPrediction>(model);
        var actual = context.Data.CreateEnumerable<FruitRow>(data).Select(row => Describe(engine.Predict(row))).ToArray();
        CollectionAssert.AreEqual(expected, actual);
        Assert.AreEqual("3|3,3,30|3,3,30|fig|fig|3", actual[3]);
    }

    [TestMethod]
    public void Predict_UnseenValue_MissingKeyAndEmptyValue()
    {
        var (context, _, model) = FruitModel();
        using var engine = context.Model.CreatePredictionEngine<FruitRow, FruitPrediction>(model);
        var prediction = engine.Predict(Fruit("kiwi", 7));
        Assert.AreEqual(0u, prediction.Key);
        Assert.AreEqual("", prediction.Back);
        Assert.AreEqual("kiwi", prediction.Copy);
        CollectionAssert.AreEqual(new float[] { 7, 7, 70 }, prediction.Features);
    }

    [TestMethod]
    public void PredictRef_ReusedPrediction_RefilledInPlaceKeepingVBufferArray()
    {
        var (context, _, model) = FruitModel();
        using var engine = context.Model.CreatePredictionEngine<FruitRow, FruitPrediction>(model);
        FruitPrediction prediction = null!;
        engine.Predict(Fruit("pear", 1), ref prediction);
        var first = prediction;
        var buffer = prediction.FeatureBuffer.GetValues().ToArray();
        engine.Predict(Fruit("apple", 2), ref prediction);
        Assert.AreSame(first, prediction);
        CollectionAssert.AreEqual(new float[] { 1, 1, 10 }, buffer);
        CollectionAssert.AreEqual(new float[] { 2, 2, 20 }, prediction.FeatureBuffer.ToArray());
        Assert.AreEqual("apple", prediction.Back);
    }

    [TestMethod]
    public void Predict_RowToRowSteps_OneCursorForEveryCall()
    {
        var (context, data, fitted) = FruitModel();
        var probe = new CursorCountingTransformer();
        var model = new TransformerChain<ITransformer>(probe, fitted);
        using var engine = context.Model.CreatePredictionEngine<FruitRow, FruitPrediction>(model);
        for (int i = 0; i < 5; i++) Assert.AreEqual((float)i, engine.Predict(Fruit("fig", i)).Weight);
        Assert.AreEqual(1, probe.CursorsOpened);
    }

    private sealed class Doubled
    {
        public float Weight { get; set; }
    }

    [TestMethod]
    public void Predict_StepReadingAhead_StillOneRowPerCall()
    {
        var context = new MLContext(1);
        var probe = new CursorCountingTransformer();
        var model = new TransformerChain<ITransformer>(probe, new ReadAheadTransformer(batchSize: 4), new ColumnCopyingTransformer(("Weight", "Doubled")));
        using var engine = context.Model.CreatePredictionEngine<FruitRow, Doubled>(model);
        var results = Enumerable.Range(1, 3).Select(i => engine.Predict(Fruit("fig", i)).Weight).ToArray();
        CollectionAssert.AreEqual(new float[] { 2, 4, 6 }, results);
        Assert.AreEqual(3, probe.CursorsOpened, "a cursor that read past its row cannot serve the next call");
    }

    private sealed class ImagePathRow
    {
        public string ImagePath = "";
    }

    private sealed class ImageBytesRow
    {
        public byte[] Encoded = [];
    }

    private sealed class ImagePrediction
    {
        public MLImage Image = null!;
        public string ImagePath = "";
    }

    [TestMethod]
    public void Predict_LoadImagesFromPaths_SameImagesAsBulkAndRecoversFromABadOne()
    {
        var context = new MLContext(1);
        string[] names = ["cat.jpg", "cat.png", "pattern.gif", "pattern.bmp", "gray.png"];
        var data = context.Data.LoadFromEnumerable(names.Select(n => new ImagePathRow { ImagePath = n }).ToArray());
        var model = context.Transforms.LoadImages("Image", ImageFolder, "ImagePath").Fit(data);
        var expected = TransformRows.Column<MLImage>(model.Transform(data), "Image");
        using var engine = context.Model.CreatePredictionEngine<ImagePathRow, ImagePrediction>(model);
        for (int i = 0; i < names.Length; i++)
        {
            var prediction = engine.Predict(new ImagePathRow { ImagePath = names[i] });
            Assert.AreEqual(names[i], prediction.ImagePath);
            Assert.AreEqual(expected[i].ToString(), prediction.Image.ToString());
            CollectionAssert.AreEqual(expected[i].GetPixels().ToArray(), prediction.Image.GetPixels().ToArray());
        }
        var error = Assert.ThrowsExactly<InvalidDataException>(() => engine.Predict(new ImagePathRow { ImagePath = "corrupt.jpg" }));
        StringAssert.Contains(error.Message, "corrupt.jpg");
        Assert.AreEqual("32x32 Rgba32", engine.Predict(new ImagePathRow { ImagePath = "cat.png" }).Image.ToString());
    }

    [TestMethod]
    public void Predict_LoadImagesFromBytes_DecodesEachExample()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(new[] { new ImageBytesRow { Encoded = File.ReadAllBytes(Path.Combine(ImageFolder, "cat.png")) } });
        var model = context.Transforms.LoadImages("Image", null, "Encoded").Fit(data);
        using var engine = context.Model.CreatePredictionEngine<ImageBytesRow, ImagePrediction>(model);
        Assert.AreEqual("32x32 Rgba32", engine.Predict(new ImageBytesRow { Encoded = File.ReadAllBytes(Path.Combine(ImageFolder, "cat.png")) }).Image.ToString());
        Assert.AreEqual("6x4 Rgba32", engine.Predict(new ImageBytesRow { Encoded = File.ReadAllBytes(Path.Combine(ImageFolder, "pattern.gif")) }).Image.ToString());
        Assert.AreEqual("5x2 Gray8", engine.Predict(new ImageBytesRow { Encoded = File.ReadAllBytes(Path.Combine(ImageFolder, "gray.png")) }).Image.ToString());
    }

    private sealed class FeaturePrediction
    {
        public float[] Features { get; set; } = [];
    }

    [TestMethod]
    public void Predict_ImagePreprocessingChain_SameFeaturesAsBulk()
    {
        var context = new MLContext(1);
        string[] names = ["cat.jpg", "ship.jpg", "frog.jpg", "pattern.gif"];
        var data = context.Data.LoadFromEnumerable(names.Select(n => new ImagePathRow { ImagePath = n }).ToArray());
        var model = context.Transforms.LoadImages("Image", ImageFolder, "ImagePath")
            .Append(context.Transforms.ResizeImages("Image", 16, 16))
            .Append(context.Transforms.ExtractPixels("Pixels", "Image", scaleImage: 1f / 255))
            .Append(context.Transforms.NormalizeImageChannels("Features", "Pixels"))
            .Fit(data);
        var expected = context.Data.CreateEnumerable<FeaturePrediction>(model.Transform(data)).Select(p => p.Features).ToArray();
        using var engine = context.Model.CreatePredictionEngine<ImagePathRow, FeaturePrediction>(model);
        for (int i = 0; i < names.Length; i++)
        {
            var features = engine.Predict(new ImagePathRow { ImagePath = names[i] }).Features;
            Assert.HasCount(3 * 16 * 16, features);
            CollectionAssert.AreEqual(expected[i], features, names[i]);
        }
    }

    [TestMethod]
    public void OutputSchema_EveryOutputColumn()
    {
        var (context, _, model) = FruitModel();
        using var engine = context.Model.CreatePredictionEngine<FruitRow, FruitPrediction>(model);
        CollectionAssert.AreEqual(new[] { "Fruit", "Weight", "Size", "Key", "Features", "Copy", "Back" }, engine.OutputSchema.Select(c => c.Name).ToArray());
        Assert.AreEqual<DataViewType>(new KeyDataViewType(3), engine.OutputSchema["Key"].Type);
    }

    [TestMethod]
    public void Predict_NullExample_Throws()
    {
        var (context, _, model) = FruitModel();
        using var engine = context.Model.CreatePredictionEngine<FruitRow, FruitPrediction>(model);
        Assert.ThrowsExactly<ArgumentNullException>(() => engine.Predict(null!));
    }

    [TestMethod]
    public void Predict_AfterDispose_ObjectDisposed()
    {
        var (context, _, model) = FruitModel();
        var engine = context.Model.CreatePredictionEngine<FruitRow, FruitPrediction>(model);
        engine.Predict(Fruit("fig", 1));
        engine.Dispose();
        engine.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => engine.Predict(Fruit("fig", 1)));
    }

    /// <summary>A row whose Weight getter re-enters the engine, as a second thread would in the middle of a call.</summary>
    private sealed class ReentrantRow
    {
        [NoColumn] public PredictionEngine<ReentrantRow, Doubled>? Engine;
        public float Weight
        {
            get
            {
                Engine?.Predict(new ReentrantRow());
                return 1;
            }
        }
    }

    [TestMethod]
    public void Predict_OverlappingCall_FailsSayingNotThreadSafe()
    {
        var context = new MLContext(1);
        var model = new ColumnCopyingTransformer(("Copy", "Weight"));
        using var engine = context.Model.CreatePredictionEngine<ReentrantRow, Doubled>(model);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => engine.Predict(new ReentrantRow { Engine = engine }));
        StringAssert.Contains(error.Message, "not thread-safe");
        StringAssert.Contains(error.Message, "PredictionEnginePool");
        Assert.AreEqual(1f, engine.Predict(new ReentrantRow()).Weight, "the engine works again after the failed call");
    }

    [TestMethod]
    public void Predict_LoadedModel_SameAsFittedModel()
    {
        var (context, data, model) = FruitModel();
        using var stream = new MemoryStream();
        context.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = new MLContext(2).Model.Load(stream, out _);
        using var fitted = context.Model.CreatePredictionEngine<FruitRow, FruitPrediction>(model);
        using var reloaded = context.Model.CreatePredictionEngine<FruitRow, FruitPrediction>(loaded);
        foreach (var row in new[] { Fruit("pear", 1), Fruit("fig", 2), Fruit("kiwi", 3) })
            Assert.AreEqual(Describe(fitted.Predict(row)), Describe(reloaded.Predict(row)));
    }
}
