// PipelineArchive: every transformer round-trips with the same output, schema and annotations; saving to a path is
// atomic (a failure leaves the old file and no temporary file); the manifest rejects foreign and newer files.
using System.Text;
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.Images;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms.Conversion;
using Microsoft.ML.Cnn.Transforms.Image;
using KeyOrdinality = Microsoft.ML.Cnn.Transforms.Conversion.ValueToKeyMappingEstimator.KeyOrdinality;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

public sealed class MixedRow
{
    public string Text { get; set; } = "";
    public float Number { get; set; }
    public bool Flag { get; set; }
    public uint Count { get; set; }
    public double Ratio { get; set; }
    [VectorType(2)] public float[] Pair { get; set; } = [];
    public string ImagePath { get; set; } = "";
    public byte[] Encoded { get; set; } = [];
}

[TestClass]
public sealed class PipelineArchiveTests
{
    public TestContext TestContext { get; set; } = null!;

    private static readonly string ImageFolder = Path.GetDirectoryName(MLImageTests.ImagePath("cat.png"))!;

    internal static IDataView Mixed(MLContext context)
    {
        string[] images = ["cat.png", "pattern.gif", "gray.png", "cat.jpg", "pattern.bmp"];
        var rows = new[]
        {
            ("pear", 2.5f, true, 7u), ("apple", float.NaN, false, 3u), ("pear", -1f, true, 7u), ("", 2.5f, false, 0u), ("fig", 0f, true, 12u),
        }.Select((r, i) => new MixedRow
        {
            Text = r.Item1, Number = r.Item2, Flag = r.Item3, Count = r.Item4, Ratio = i / 3.0, Pair = [i, -i],
            ImagePath = images[i], Encoded = File.ReadAllBytes(Path.Combine(ImageFolder, images[i])),
        });
        return context.Data.LoadFromEnumerable(rows.ToArray());
    }

    /// <summary>Saves <paramref name="model"/> with <paramref name="data"/>'s schema, loads it, and checks output and schemas match.</summary>
    internal static ITransformer AssertRoundTrip(ITransformer model, IDataView data)
    {
        var loaded = ModelZip.Load(ModelZip.Save(model, data.Schema), out var schema);
        Assert.IsNotNull(schema);
        Assert.AreEqual(ViewDump.Schema(data.Schema), ViewDump.Schema(schema));
        Assert.AreEqual(ViewDump.Schema(model.GetOutputSchema(data.Schema)), ViewDump.Schema(loaded.GetOutputSchema(schema)));
        CollectionAssert.AreEqual(ViewDump.Rows(model.Transform(data)), ViewDump.Rows(loaded.Transform(data)));
        Assert.AreEqual(model.IsRowToRowMapper, loaded.IsRowToRowMapper);
        return loaded;
    }

    [TestMethod]
    [DataRow("Text", false, KeyOrdinality.ByOccurrence)]
    [DataRow("Text", true, KeyOrdinality.ByValue)]
    [DataRow("Number", false, KeyOrdinality.ByValue)]
    [DataRow("Number", true, KeyOrdinality.ByOccurrence)]
    [DataRow("Flag", false, KeyOrdinality.ByOccurrence)]
    [DataRow("Flag", true, KeyOrdinality.ByValue)]
    [DataRow("Count", false, KeyOrdinality.ByValue)]
    [DataRow("Count", true, KeyOrdinality.ByOccurrence)]
    [DataRow("Ratio", false, KeyOrdinality.ByOccurrence)]
    public void SaveLoad_MapValueToKeyAndBack_SameKeysValuesAndAnnotations(string column, bool keyValuesAsText, KeyOrdinality ordinality)
    {
        var context = new MLContext(1);
        var data = Mixed(context);
        var model = context.Transforms.Conversion.MapValueToKey("Key", column, maximumNumberOfKeys: 3, keyOrdinality: ordinality,
                addKeyValueAnnotationsAsText: keyValuesAsText)
            .Append(context.Transforms.Conversion.MapKeyToValue("Back", "Key"))
            .Fit(data);
        var loaded = AssertRoundTrip(model, data);
        var map = ((ValueToKeyMappingTransformer)((TransformerChain<ITransformer>)loaded).First()).Map;
        var original = ((ValueToKeyMappingTransformer)model.First()).Map;
        CollectionAssert.AreEqual(original.ValuesAsText().ToArray(), map.ValuesAsText().ToArray());
        Assert.AreEqual(original.ValueType, map.ValueType);
    }

    [TestMethod]
    public void SaveLoad_CopyAndConcatenate_SameOutputAndSlotNames()
    {
        var context = new MLContext(1);
        var data = Mixed(context);
        var model = context.Transforms.CopyColumns(("A", "Number"), ("B", "Pair"), ("C", "Text"))
            .Append(context.Transforms.Concatenate("Features", "Number", "Pair", "A"))
            .Append(context.Transforms.Concatenate("Twice", "Features", "Features"))
            .Fit(data);
        var loaded = AssertRoundTrip(model, data);
        StringAssert.Contains(ViewDump.Schema(loaded.GetOutputSchema(data.Schema)), "Twice: Vector<Single, 8> [SlotNames: Vector<String, 8> = [\"Number\", \"\", \"\", \"A\", \"Number\", \"\", \"\", \"A\"]]");
    }

    [TestMethod]
    [DataRow("ImagePath", InvalidImageHandling.Fail)]
    [DataRow("ImagePath", InvalidImageHandling.SkipRow)]
    [DataRow("Encoded", InvalidImageHandling.Fail)]
    public void SaveLoad_LoadImages_SameImagesAndSettings(string input, InvalidImageHandling handling)
    {
        var context = new MLContext(1);
        var data = Mixed(context);
        var limits = new ImageDecodeLimits(1 << 20, 1 << 16);
        var model = context.Transforms.LoadImages("Image", input == "ImagePath" ? ImageFolder : null, input, limits, handling).Fit(data);
        var loaded = (ImageLoadingTransformer)AssertRoundTrip(model, data);
        Assert.AreEqual(model.ImageFolder, loaded.ImageFolder);
        Assert.AreEqual(input, loaded.InputColumnName);
        Assert.AreEqual(handling, loaded.InvalidImages);
        Assert.AreEqual(limits.MaxEncodedBytes, loaded.Limits.MaxEncodedBytes);
        Assert.AreEqual(limits.MaxPixelCount, loaded.Limits.MaxPixelCount);
    }

    [TestMethod]
    public void SaveLoad_WholePipeline_SameOutput()
    {
        var context = new MLContext(1);
        var data = Mixed(context);
        var model = context.Transforms.LoadImages("Image", ImageFolder, "ImagePath")
            .Append(context.Transforms.Conversion.MapValueToKey("Label", "Text"))
            .Append(context.Transforms.Concatenate("Features", "Number", "Pair"))
            .Append(context.Transforms.CopyColumns("Copy", "Label"))
            .Append(context.Transforms.Conversion.MapKeyToValue("Predicted", "Copy"))
            .Fit(data);
        var loaded = (TransformerChain<ITransformer>)AssertRoundTrip(model, data);
        CollectionAssert.AreEqual(model.Select(t => t.GetType()).ToArray(), loaded.Select(t => t.GetType()).ToArray());
    }

    [TestMethod]
    public void SaveLoad_ImageAndNormalizationSteps_SameFeaturesAndAnnotations()
    {
        var context = new MLContext(1);
        var data = Mixed(context);
        var model = context.Transforms.LoadImages("Image", null, "Encoded")
            .Append(context.Transforms.ResizeImages("Small", 8, 6, "Image", ImageResizingEstimator.ResizingKind.IsoPad))
            .Append(context.Transforms.ConvertToGrayscale("Gray", "Small"))
            .Append(context.Transforms.ExtractPixels("Pixels", "Small", scaleImage: 1f / 255))
            .Append(context.Transforms.RandomHorizontalFlip("Pixels"))
            .Append(context.Transforms.ExtractPixels("GrayPixels", "Gray", ImagePixelExtractingEstimator.ColorBits.Red))
            .Append(context.Transforms.NormalizeImageChannels("Features", "Pixels"))
            .Append(context.Transforms.NormalizeMinMax("Scaled", "GrayPixels"))
            .Append(context.Transforms.NormalizeMeanVariance("Standard", "Pair"))
            .Fit(data);
        var loaded = (TransformerChain<ITransformer>)AssertRoundTrip(model, data);
        CollectionAssert.AreEqual(model.Select(t => t.GetType()).ToArray(), loaded.Select(t => t.GetType()).ToArray());
    }

    [TestMethod]
    public void SaveLoad_NoSchema_LoadsNullSchema()
    {
        var context = new MLContext(1);
        var model = new Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer(("A", "B"));
        var loaded = ModelZip.Load(ModelZip.Save(model, null), out var schema);
        Assert.IsNull(schema);
        Assert.IsInstanceOfType<Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer>(loaded);
        Assert.AreEqual(("A", "B"), ((Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer)loaded).Columns.Single());
    }

    private string NewFolder() => Directory.CreateTempSubdirectory($"{TestContext.TestName}-").FullName;

    [TestMethod]
    public void SaveToPath_TransformerFailsMidway_OldFileIntactAndNoTemporaryFile()
    {
        string folder = NewFolder();
        try
        {
            string path = Path.Combine(folder, "model.zip");
            var context = new MLContext(1);
            context.Model.Save(new Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer(("A", "B")), null, path);
            byte[] good = File.ReadAllBytes(path);
            var failing = new PersistenceProbe(save: c =>
            {
                c.SetLoader(PersistenceProbe.LoaderSignature, 1);
                c.SaveStream("Big", s => s.Write(new byte[1 << 20]));
                throw new IOException("disk full (simulated)");
            });
            var error = Assert.ThrowsExactly<IOException>(() => context.Model.Save(new TransformerChain<ITransformer>(failing), null, path));
            Assert.AreEqual("disk full (simulated)", error.Message);
            CollectionAssert.AreEqual(good, File.ReadAllBytes(path));
            CollectionAssert.AreEqual(new[] { "model.zip" }, Directory.GetFiles(folder).Select(Path.GetFileName).ToArray());
            Assert.IsInstanceOfType<Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer>(context.Model.Load(path, out _));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void SaveToPath_UnsavableSchema_OldFileIntact()
    {
        string folder = NewFolder();
        try
        {
            string path = Path.Combine(folder, "model.zip");
            var context = new MLContext(1);
            var model = new Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer(("A", "B"));
            context.Model.Save(model, null, path);
            byte[] good = File.ReadAllBytes(path);
            var builder = new DataViewSchema.Builder();
            builder.AddColumn("Odd", new VectorDataViewType(NumberDataViewType.Single, 0, 3));
            var error = Assert.ThrowsExactly<NotSupportedException>(() => context.Model.Save(model, builder.ToSchema(), path));
            StringAssert.Contains(error.Message, "'Odd'");
            CollectionAssert.AreEqual(good, File.ReadAllBytes(path));
            Assert.HasCount(1, Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void SaveToPath_MissingDirectory_NamesIt()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "model.zip");
        var error = Assert.ThrowsExactly<DirectoryNotFoundException>(() =>
            new MLContext(1).Model.Save(new Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer(("A", "B")), null, path));
        StringAssert.Contains(error.Message, "does not exist");
    }

    private static byte[] WithManifest(string manifest) =>
        ModelZip.Replace(ModelZip.Save(new Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer(("A", "B")), null), "Manifest.txt", Encoding.UTF8.GetBytes(manifest));

    [TestMethod]
    public void Load_NewerFormatVersion_SaysUpgrade()
    {
        string message = ModelZip.LoadError(WithManifest("Microsoft.ML.Cnn pipeline model\nFormatVersion: 2\n"));
        StringAssert.Contains(message, "uses model format version 2; this library reads up to 1. Upgrade Microsoft.ML.Cnn");
    }

    [TestMethod]
    [DataRow("Some other zip\nFormatVersion: 1\n", "is not a Microsoft.ML.Cnn model")]
    [DataRow("Microsoft.ML.Cnn pipeline model", "is not a Microsoft.ML.Cnn model")]
    [DataRow("Microsoft.ML.Cnn pipeline model\nVersion 1\n", "should be 'FormatVersion: N'")]
    [DataRow("Microsoft.ML.Cnn pipeline model\nFormatVersion: 0\n", "should be 'FormatVersion: N'")]
    [DataRow("Microsoft.ML.Cnn pipeline model\nFormatVersion: x\n", "should be 'FormatVersion: N'")]
    public void Load_BadManifest_ClearError(string manifest, string expected) =>
        StringAssert.Contains(ModelZip.LoadError(WithManifest(manifest)), expected);

    [TestMethod]
    public void Load_ManifestNotUtf8_ClearError()
    {
        var zip = ModelZip.Replace(ModelZip.Save(new Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer(("A", "B")), null), "Manifest.txt", [0xC3, 0x28]);
        StringAssert.Contains(ModelZip.LoadError(zip), "the manifest is not UTF-8 text");
    }

    [TestMethod]
    public void Load_MlNetModelZip_SaysItIsNotACnnModel()
    {
        var zip = ModelZip.Build([("TransformerChain/Model.key", [1, 2]), ("TransformerChain/Version.txt", Encoding.UTF8.GetBytes("1.0"))]);
        string message = ModelZip.LoadError(zip);
        StringAssert.Contains(message, "is not a Microsoft.ML.Cnn model: it has no Manifest.txt entry");
        StringAssert.Contains(message, "load it with ML.NET");
    }

    [TestMethod]
    [DataRow("Schema.bin")]
    [DataRow("Model/Loader.bin")]
    [DataRow("Model/Model.bin")]
    public void Load_MissingEntry_NamesIt(string entry)
    {
        var zip = ModelZip.Replace(ModelZip.Save(new Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer(("A", "B")), null), entry, null);
        StringAssert.Contains(ModelZip.LoadError(zip), $"entry '{entry}' is missing");
    }

    [TestMethod]
    public void Load_SchemaWithTrailingBytes_Rejected()
    {
        var zip = ModelZip.Replace(ModelZip.Save(new Microsoft.ML.Cnn.Transforms.ColumnCopyingTransformer(("A", "B")), null), "Schema.bin", [0, 42]);
        StringAssert.Contains(ModelZip.LoadError(zip), "entry 'Schema.bin': 1 unexpected bytes follow the data");
    }
}
