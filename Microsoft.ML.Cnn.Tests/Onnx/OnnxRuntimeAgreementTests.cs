// The independent check: exported models pass onnx.checker (full) and, run by ONNX Runtime on real images, give the
// library's own outputs within 1e-4: SeedCnn, LeNet-5, SmallResNet and SmallMobileNet through ConvertToOnnx, and a
// network of every layer kind through OnnxExporter on both backends; full-size ResNet-18, GoogLeNet and DenseNet-121
// with torchvision's reference weights give torchvision's logits. Needs apt and npm (tools/check_onnx.sh).
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Onnx;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Training;
using static Microsoft.ML.Cnn.Transforms.Image.ImagePixelExtractingEstimator;

namespace Microsoft.ML.Cnn.Tests.Onnx;

[TestClass]
[TestCategory("OnnxRuntime")]
public sealed class OnnxRuntimeAgreementTests
{
    [TestMethod]
    [DataRow("seed-cnn-multiclass")]
    [DataRow("lenet5-binary")]
    [DataRow("small-resnet-multiclass")]
    [DataRow("small-mobilenet-regression")]
    public void ConvertToOnnx_FittedPipeline_OnnxRuntimeGivesTheTransformOutputs(string name)
    {
        var ml = new MLContext(seed: 1);
        var data = OnnxTestPipelines.Data(ml);
        var (pipeline, raw) = name switch
        {
            "seed-cnn-multiclass" => (OnnxTestPipelines.SeedCnnMulticlass(ml), OnnxTestPipelines.RawPixels(ml, data, 28)),
            "lenet5-binary" => (OnnxTestPipelines.LeNet5Binary(ml), OnnxTestPipelines.RawPixels(ml, data, 32, ColorBits.Grayscale, grayscale: true)),
            "small-resnet-multiclass" => (OnnxTestPipelines.SmallResNetMulticlass(ml), OnnxTestPipelines.RawPixels(ml, data, 32)),
            _ => (OnnxTestPipelines.SmallMobileNetRegression(ml), OnnxTestPipelines.RawPixels(ml, data, 24, order: ColorsOrder.ABGR)),
        };
        var model = pipeline.Fit(data);
        using var onnx = new MemoryStream();
        var report = ml.Model.ConvertToOnnx(model, data, onnx);
        var scored = model.Transform(data);
        int rows = OnnxTestPipelines.Images.Length;
        var outputs = report.OutputNames.Select(output =>
        {
            var values = OnnxTestPipelines.Values(scored, output);
            return new CaseTensor(output, [rows, values.Length / rows], values);
        }).ToArray();

        Check(name, onnx.ToArray(), new CaseTensor(report.InputName, [rows, .. report.InputShape], raw), outputs);
    }

    [TestMethod]
    [DataRow("managed", "probabilities")]
    [DataRow("managed", "features")]
    [DataRow("onednn", "probabilities")]
    [DataRow("onednn", "features")]
    public void Export_EveryLayerKind_OnnxRuntimeGivesThePredictorOutputs(string backend, string output)
    {
        var ml = new MLContext(seed: 1);
        var data = OnnxTestPipelines.Data(ml);
        var pixels = OnnxTestPipelines.RawPixels(ml, data, 16).Select(v => v / 255f).ToArray();
        var network = EveryLayerKind(features: output == "features");
        int rows = OnnxTestPipelines.Images.Length;
        using var predictor = backend == "managed" ? new Predictor(network) : new Predictor(network, TestBackends.CreateOneDnn());
        var expected = predictor.Predict(pixels, rows);
        using var onnx = new MemoryStream();
        OnnxExporter.Export(network, onnx, new OnnxExportOptions { InputName = "pixels", OutputName = output });

        Check($"every-layer-kind-{output}-{backend}", onnx.ToArray(), new CaseTensor("pixels", [rows, 3, 16, 16], pixels),
            new CaseTensor(output, [rows, .. network.OutputShape], expected));
    }

    /// <summary>
    /// Full-size presets with torchvision's generated reference weights (see TorchvisionEquivalenceTests), exported to
    /// ONNX: ONNX Runtime must compute torchvision's own logits, within the same 1e-3 of the logit scale.
    /// </summary>
    [TestMethod]
    [DataRow("resnet18")]
    [DataRow("googlenet")]
    [DataRow("densenet121")]
    public void Export_TorchvisionPresetWithReferenceWeights_OnnxRuntimeGivesTorchvisionLogits(string fixtureName)
    {
        var fixture = TorchvisionFixture.Load(fixtureName);
        var network = Architectures.TorchvisionEquivalenceTests.Build(fixtureName, fixture.InputShape.SampleShape.ToArray());
        var report = ReferenceWeights.Import(fixture, network);
        Assert.IsTrue(report.AllParametersCopied, report.ToString());
        using var onnx = new MemoryStream();
        OnnxExporter.Export(network, onnx, new OnnxExportOptions { InputName = "pixels", OutputName = "logits" });

        int batch = fixture.InputShape[0], classes = fixture.Logits[0].Length;
        Check($"torchvision-{fixtureName}", onnx.ToArray(), 1e-3 * fixture.LogitScale,
            new CaseTensor("pixels", fixture.InputShape.ToArray(), fixture.GenerateInput()),
            new CaseTensor("logits", [batch, classes], fixture.Logits.SelectMany(row => row).ToArray()));
    }

    private static void Check(string name, byte[] model, CaseTensor input, params CaseTensor[] outputs) => Check(name, model, 1e-4, input, outputs);

    private static void Check(string name, byte[] model, double tolerance, CaseTensor input, params CaseTensor[] outputs)
    {
        string folder = OnnxRuntimeCheck.CaseFolder();
        try
        {
            string output = OnnxRuntimeCheck.Run(OnnxRuntimeCheck.Write(folder, name, model, tolerance, input, outputs));
            StringAssert.Contains(output, $"PASS {name}:");
        }
        finally
        {
            OnnxRuntimeCheck.Clean(folder);
        }
    }

    /// <summary>
    /// Every layer kind and option the exporter maps: convolutions with same, asymmetric and dilated padding, groups,
    /// depthwise, no bias and every fused activation; batch norm on images and features; max pooling (same padding and
    /// ceil mode), average pooling (both divisors) and L2 pooling; local response normalization of odd and even size;
    /// Add, Concat (images and features), Dropout, global pooling, Flatten, Reshape, Dense and a Softmax layer. With
    /// <paramref name="features"/> the output is the (2, 3, 3) convolution before the last dense layers, whose values
    /// show a slip in any earlier layer more plainly than the probabilities do.
    /// </summary>
    internal static Network EveryLayerKind(bool features)
    {
        var x = Network.Input(3, 16, 16);
        var a = new Conv2D(8, 3, padding: Padding.Same, activation: Activation.LeakyRelu).Call(x);
        var b = new LocalResponseNorm(5, 1f, 0.75f, 2f).Call(new ELU(0.7f).Call(new BatchNorm().Call(a)));    // odd: ONNX LRN
        var c = new Conv2D(8, (3, 2), stride: (2, 1), padding: Padding.Explicit(1, 2, 0, 3), dilation: (2, 1), groups: 2, useBias: false,
            activation: Activation.Tanh).Call(b);                                                                  // (8, 7, 18)
        var d = new DepthwiseConv2D(3, padding: Padding.Same, activation: Activation.Sigmoid).Call(c);
        var e = new MaxPool2D(2, stride: 2, padding: Padding.Same).Call(new Add().Call(c, d));                  // (8, 4, 9)
        var f = new AvgPool2D(3, stride: 1, padding: Padding.Explicit(1), countIncludesPadding: false).Call(e);
        var g = new AvgPool2D((2, 2), stride: (1, 1), padding: Padding.Explicit(1, 0, 1, 0), countIncludesPadding: true).Call(e);
        var l = new L2Pool2D((3, 2), stride: (1, 1), padding: Padding.Explicit(1, 1, 1, 0)).Call(e);
        var h = new Dropout(0.3f).Call(new LeakyReLU(0.2f).Call(new Concat().Call(f, g, l)));                  // (24, 4, 9)
        h = new LocalResponseNorm(4, 0.8f, 0.6f, 1.5f).Call(h);                                                // even: composed
        var ceil = new MaxPool2D(3, stride: 2, padding: Padding.Explicit(1), ceilMode: true).Call(e);         // (8, 3, 5); floor gives (8, 2, 5)
        var pooled = new Concat().Call(new GlobalAveragePool2D().Call(h), new GlobalAveragePool2D().Call(ceil)); // (32)
        var dense = new BatchNorm().Call(new Dense(32, Activation.Relu, useBias: false).Call(new Flatten().Call(h)));
        var image = new Reshape(2, 4, 4).Call(new Add().Call(pooled, dense));
        var i = new Conv2D(2, 2, activation: Activation.Elu).Call(image);                                       // (2, 3, 3)
        var j = new Dense(5, Activation.Sigmoid).Call(new Flatten().Call(i));
        var output = new Softmax().Call(new Dense(4, Activation.None).Call(j));
        var network = new Network(x, features ? i : output, seed: 5);
        // Running statistics away from their initial 0 and 1, so batch norm does something the export must get right.
        var random = new SeededRandom(11);
        foreach (var parameter in network.Parameters.Where(p => p.Role is ParameterRole.RunningMean or ParameterRole.RunningVariance or ParameterRole.Scale))
        {
            for (int k = 0; k < parameter.Data.Length; k++)
                parameter.Data[k] = parameter.Role == ParameterRole.RunningMean ? random.NextUniform(-0.5f, 0.5f) : random.NextUniform(0.5f, 1.5f);
        }
        return network;
    }
}
