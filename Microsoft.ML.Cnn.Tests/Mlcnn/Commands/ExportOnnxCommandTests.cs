// `mlcnn export-onnx` on the models the train tests made: the ONNX file and the conversion report on the console.
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Commands;

[TestClass]
public sealed class ExportOnnxCommandTests
{
    [TestMethod]
    public void Execute_ImageModel_WritesOnnxAndSaysWhatItTakes()
    {
        string output = Path.Combine(MlcnnData.NewFolder("onnx"), "sub", "model.onnx");
        var result = MlcnnRunner.Expect(0, "export-onnx", "-m", MlcnnData.ImageModel.Model, "-o", output);
        StringAssert.Contains(result.Output, "ONNX input 'Features' [N, 3, 16, 16]: raw pixel values (0 to 255)");
        StringAssert.Contains(result.Output, "NormalizeImageChannels");
        StringAssert.Contains(result.Output, "LoadImages: runs before the model's input");
        var bytes = File.ReadAllBytes(output);
        Assert.IsGreaterThan(1000, bytes.Length);
        Assert.AreEqual(0x08, bytes[0]);                                     // protobuf field 1 (ir_version), varint
        Assert.IsFalse(File.Exists(output + ".partial"));
    }

    [TestMethod]
    public void Execute_DefaultOutput_IsTheModelPathWithOnnxExtension()
    {
        string folder = MlcnnData.NewFolder("onnx-default");
        string model = Path.Combine(folder, "idx.zip");
        File.Copy(MlcnnData.IdxModel.Model, model);
        var result = MlcnnRunner.Expect(0, "export-onnx", "-m", model);
        StringAssert.Contains(result.Output, "ONNX input 'Features' [N, 1, 28, 28]");
        Assert.IsTrue(File.Exists(Path.Combine(folder, "idx.onnx")));
    }

    [TestMethod]
    public void Execute_MissingModel_IsUsageError()
    {
        var result = MlcnnRunner.Expect(2, "export-onnx", "-m", "/nonexistent/model.zip");
        StringAssert.Contains(result.Error, "does not exist");
    }
}
