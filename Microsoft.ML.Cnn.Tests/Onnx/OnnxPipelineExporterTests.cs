// ConvertToOnnx on fitted chains: which steps become nodes (and in what form), what the input and outputs are, what the
// report and the log say, and the chains it refuses.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Onnx;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.Trainers;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Transforms.Normalizers;

namespace Microsoft.ML.Cnn.Tests.Onnx;

[TestClass]
public sealed class OnnxPipelineExporterTests
{
    private static readonly MLContext Ml = new(seed: 1);
    private static readonly Lazy<ITransformer> SeedCnnModel = new(() => OnnxTestPipelines.SeedCnnMulticlass(Ml).Fit(OnnxTestPipelines.Data(Ml)));

    private static (OnnxModel Model, OnnxConversionReport Report) Convert(ITransformer model, IDataView? data = null) =>
        OnnxPipelineExporter.Convert(model, (data ?? OnnxTestPipelines.Data(Ml)).Schema);

    private static string[] OpTypes(OnnxModel model, int count) => [.. model.Graph.Nodes.Take(count).Select(n => n.OpType)];

    private static OnnxTensor Initializer(OnnxModel model, string name) => model.Graph.Initializers.Single(t => t.Name == name);

    [TestMethod]
    public void Convert_ChannelNormalizedMulticlass_RawPixelsThroughScaleAndChannelNormalizationToSoftmax()
    {
        var (model, report) = Convert(SeedCnnModel.Value);

        var input = model.Graph.Inputs.Single();
        Assert.AreEqual("Features", input.Name);
        CollectionAssert.AreEqual(new[] { "N", "3", "28", "28" }, input.Shape.Select(d => d.ToString()).ToArray());
        CollectionAssert.AreEqual(new[] { "Mul", "Sub", "Mul", "Conv" }, OpTypes(model, 4));
        Assert.AreEqual(1f / 255, Initializer(model, "ExtractPixels.scale").FloatValues().Single());
        var normalizer = ((IEnumerable<ITransformer>)SeedCnnModel.Value).OfType<ImageChannelNormalizingTransformer>().Single();
        var offset = Initializer(model, "NormalizeImageChannels.offset");
        CollectionAssert.AreEqual(new long[] { 3, 1, 1 }, offset.Dims.ToArray());
        CollectionAssert.AreEqual(normalizer.Mean.ToArray(), offset.FloatValues());
        CollectionAssert.AreEqual(normalizer.StandardDeviation.Select(s => 1f / s).ToArray(), Initializer(model, "NormalizeImageChannels.scale").FloatValues());
        Assert.AreEqual("Softmax", model.Graph.Nodes[^1].OpType);
        CollectionAssert.AreEqual(new[] { "Score" }, model.Graph.Outputs.Select(o => o.Name).ToArray());
        Assert.AreEqual("[\"a\",\"b\",\"c\"]", model.Metadata.Single(p => p.Key == "class_names").Value);
        Assert.AreEqual("multiclass", model.Metadata.Single(p => p.Key == "task").Value);
        Assert.AreEqual("Features", report.InputName);
        StringAssert.StartsWith(report.InputDescription, "raw pixel values (0 to 255)");
    }

    [TestMethod]
    public void Convert_ChannelNormalizedMulticlass_ReportsEveryStepsFate()
    {
        var report = Convert(SeedCnnModel.Value).Report;

        Assert.HasCount(4, report.ExportedSteps);
        StringAssert.StartsWith(report.ExportedSteps[0], "ExtractPixels(\"Features\" from \"Image\"): its offset 0 and scale");
        StringAssert.StartsWith(report.ExportedSteps[1], "NormalizeImageChannels(\"Features\" from \"Features\")");
        StringAssert.Contains(report.ExportedSteps[2], "the identity when scoring");
        StringAssert.StartsWith(report.ExportedSteps[3], "Cnn multiclass scoring (\"Features\"): the network (7 layers), then Softmax");
        Assert.HasCount(4, report.NotExportedSteps);
        StringAssert.StartsWith(report.NotExportedSteps[0], "MapValueToKey: runs before the model's input");
        StringAssert.StartsWith(report.NotExportedSteps[1], "LoadImages:");
        StringAssert.StartsWith(report.NotExportedSteps[2], "ResizeImages:");
        StringAssert.StartsWith(report.NotExportedSteps[3], "MapKeyToValue: after the Cnn scoring step");
    }

    [TestMethod]
    public void Convert_BinaryWithOffsetAndMinMax_ScoreAndProbabilityAfterPixelAndPerValueSteps()
    {
        var data = OnnxTestPipelines.Data(Ml);
        var (model, report) = Convert(OnnxTestPipelines.LeNet5Binary(Ml).Fit(data), data);

        CollectionAssert.AreEqual(new[] { "Sub", "Mul", "Mul", "Conv" }, OpTypes(model, 4)); // MinMax with fixZero has no offset
        Assert.AreEqual(128f, Initializer(model, "ExtractPixels.offset").FloatValues().Single());
        CollectionAssert.AreEqual(new long[] { 1, 32, 32 }, Initializer(model, "Normalize.scale").Dims.ToArray());
        CollectionAssert.AreEqual(new[] { "Score", "Probability" }, report.OutputNames.ToArray());
        CollectionAssert.AreEqual(new[] { "Score", "Probability" }, model.Graph.Outputs.Select(o => o.Name).ToArray());
        StringAssert.Contains(report.InputDescription, "colors Grayscale");
        StringAssert.StartsWith(report.NotExportedSteps[2], "ConvertToGrayscale:");
    }

    [TestMethod]
    public void Convert_FeaturesCopiedFromPixels_InputNamedAfterTheExtractedColumn()
    {
        var data = OnnxTestPipelines.Data(Ml);
        var (model, report) = Convert(OnnxTestPipelines.SmallMobileNetRegression(Ml).Fit(data), data);

        Assert.AreEqual("Pixels", model.Graph.Inputs.Single().Name);
        StringAssert.Contains(report.ExportedSteps[1], "a copy");
        CollectionAssert.AreEqual(new[] { "Score" }, model.Graph.Outputs.Select(o => o.Name).ToArray());
        Assert.AreEqual("Gemm", model.Graph.Nodes[^1].OpType); // regression: the network's value as it is
        StringAssert.Contains(report.InputDescription, "order ABGR");
    }

    [TestMethod]
    public void Convert_FeaturesInTheInputData_InputIsThatColumn()
    {
        var data = Ml.Data.LoadFromEnumerable(QuadrantData.Rows(30));
        var model = Ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(Ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.MaxEpoch = 1))).Fit(data);

        var (onnx, report) = Convert(model, data);

        Assert.AreEqual("Features", onnx.Graph.Inputs.Single().Name);
        Assert.AreEqual("Conv", onnx.Graph.Nodes[0].OpType);
        Assert.AreEqual("the input data's column 'Features'", report.InputDescription);
    }

    [TestMethod]
    public void Convert_CdfNormalizer_ModelTakesItsOutputAndTheReportSaysSo()
    {
        var data = Ml.Data.LoadFromEnumerable(QuadrantData.Rows(30));
        var model = Ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(Ml.Transforms.NormalizeMeanVariance("Features", useCdf: true))
            .Append(Ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o => o.MaxEpoch = 1))).Fit(data);

        var (onnx, report) = Convert(model, data);

        Assert.AreEqual("Conv", onnx.Graph.Nodes[0].OpType);
        StringAssert.Contains(report.InputDescription, "NormalizeMeanVariance (CDF)");
        StringAssert.Contains(report.NotExportedSteps[1], "writes the model's input 'Features' and has no ONNX form here");
    }

    [TestMethod]
    public void Convert_SavedAndLoadedModel_SameOnnxBytes()
    {
        var loaded = TestSupport.ImageRows.SaveAndLoad(SeedCnnModel.Value, OnnxTestPipelines.Data(Ml).Schema);

        CollectionAssert.AreEqual(OnnxModelWriter.ToBytes(Convert(SeedCnnModel.Value).Model), OnnxModelWriter.ToBytes(Convert(loaded).Model));
    }

    [TestMethod]
    public void ConvertToOnnx_Stream_WritesTheModelAndLogsTheReport()
    {
        var context = new MLContext(seed: 1);
        var messages = new List<LoggingEventArgs>();
        context.Log += (_, e) => messages.Add(e);
        using var stream = new MemoryStream();

        var report = context.Model.ConvertToOnnx(SeedCnnModel.Value, OnnxTestPipelines.Data(Ml), stream);

        CollectionAssert.AreEqual(OnnxModelWriter.ToBytes(Convert(SeedCnnModel.Value).Model), stream.ToArray());
        var message = messages.Single(m => m.Source == "ConvertToOnnx");
        Assert.AreEqual(ChannelMessageKind.Info, message.Kind);
        Assert.AreEqual(report.ToString(), message.RawMessage);
        StringAssert.StartsWith(message.RawMessage, "ONNX input 'Features' [N, 3, 28, 28]: raw pixel values");
    }

    [TestMethod]
    public void ConvertToOnnx_NoCnnStep_FailsListingTheSteps()
    {
        var data = Ml.Data.LoadFromEnumerable(QuadrantData.Rows(6));
        var model = Ml.Transforms.Conversion.MapValueToKey("Label").Fit(data);

        var e = Assert.ThrowsExactly<ArgumentException>(() => Ml.Model.ConvertToOnnx(model, data, new MemoryStream()));
        StringAssert.Contains(e.Message, "no Cnn scoring step");
        StringAssert.Contains(e.Message, "MapValueToKey");
    }

    [TestMethod]
    public void ConvertToOnnx_DataWithoutTheModelsColumns_FailsNamingTheColumn()
    {
        var data = Ml.Data.LoadFromEnumerable(QuadrantData.Rows(6));
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.Model.ConvertToOnnx(SeedCnnModel.Value, data, new MemoryStream()));
        StringAssert.Contains(e.Message, "ImagePath");
    }
}
