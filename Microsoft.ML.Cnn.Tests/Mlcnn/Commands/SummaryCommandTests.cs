// `mlcnn summary` of model zips, presets and architecture files, and what a PyTorch weights file would fill.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transfer;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Commands;

[TestClass]
public sealed class SummaryCommandTests
{
    [TestMethod]
    public void Execute_ModelZip_PrintsItsNetwork()
    {
        var result = MlcnnRunner.Expect(0, "summary", "-m", MlcnnData.IdxModel.Model);
        StringAssert.Contains(result.Output, "input (1, 28, 28)");
        StringAssert.Contains(result.Output, "classifier (Dense)");
        StringAssert.Contains(result.Output, "Total params:");
    }

    [TestMethod]
    public void Execute_PresetForShape_PrintsTheTable()
    {
        var result = MlcnnRunner.Expect(0, "summary", "-a", "lenet5modern", "--input-shape", "1,28,28", "--classes", "7");
        StringAssert.Contains(result.Output, "preset LeNet5Modern");
        StringAssert.Contains(result.Output, "(N, 7)");
    }

    [TestMethod]
    public void Execute_ArchitectureFile_AppendsTheClassifier()
    {
        var result = MlcnnRunner.Expect(0, "summary", "-a", MlcnnData.TinyArchitecture, "--input-shape", "3,8,8", "--classes", "4");
        StringAssert.Contains(result.Output, "conv2d_1 (Conv2D)        (N, 4, 8, 8)");
        StringAssert.Contains(result.Output, "classifier (Dense)");
        StringAssert.Contains(result.Output, "(N, 4)");
    }

    [TestMethod]
    public void Execute_PresetWithWeights_PrintsTheImportReport()
    {
        string weights = Path.Combine(MlcnnData.NewFolder("summary-weights"), "w.safetensors");
        TorchWeights.Save(ArchitectureCatalog.Create(ArchitecturePreset.SmallResNet, [3, 16, 16], classes: 10), weights);
        var result = MlcnnRunner.Expect(0, "summary", "-a", "SmallResNet", "--input-shape", "3,16,16", "--classes", "4", "--weights", weights);
        StringAssert.Contains(result.Output, "Total params:");
        StringAssert.Contains(result.Output, $"Imported weights from '{weights}': copied ");
        StringAssert.Contains(result.Output, "wrong shape 2");
        StringAssert.Contains(result.Output, "does not fit (4,");
        StringAssert.Contains(result.Output, "kept fresh.");
        Assert.DoesNotContain("Warning:", result.Output);
    }

    [TestMethod]
    public void Execute_WeightsOfAnotherNetwork_WarnsOrFails()
    {
        string weights = Path.Combine(MlcnnData.NewFolder("summary-other"), "w.safetensors");
        TorchWeights.Save(ArchitectureCatalog.Create(ArchitecturePreset.SeedCnn, [3, 16, 16], classes: 10), weights);
        var partial = MlcnnRunner.Expect(0, "summary", "-a", "SeedCnnBatchNorm", "--input-shape", "3,16,16", "--classes", "10", "--weights", weights);
        StringAssert.Contains(partial.Output, "Warning: only ");
        var none = MlcnnRunner.Expect(2, "summary", "-a", "LeNet5Modern", "--input-shape", "1,32,32", "--weights", weights);
        StringAssert.Contains(none.Error, $"--weights '{weights}' fills no parameter of the preset LeNet5Modern");
    }

    [TestMethod]
    [DataRow(new string[0], "Give either --model")]
    [DataRow(new[] { "-a", "SeedCnn", "--input-shape", "28,28" }, "is not C,H,W")]
    [DataRow(new[] { "-a", "SeedCnn", "--classes", "0" }, "--classes 0")]
    [DataRow(new[] { "-a", "SeedCnn", "--weights", "/nonexistent/w.safetensors" }, "--weights '/nonexistent/w.safetensors' is not a file")]
    [DataRow(new[] { "-a", "SeedCnn", "--weights-strip-prefix", "module." }, "--weights-strip-prefix goes with --weights")]
    public void Execute_BadArguments_IsUsageError(string[] arguments, string expected)
    {
        var result = MlcnnRunner.Expect(2, ["summary", .. arguments]);
        StringAssert.Contains(result.Error, expected);
    }

    [TestMethod]
    public void Execute_ArchitectureThatDoesNotFitTheShape_FailsNamingTheLayer()
    {
        var result = MlcnnRunner.Expect(1, "summary", "-a", "SeedCnn", "--input-shape", "1,4,4");
        StringAssert.Contains(result.Error, "conv2d_");
        StringAssert.Contains(result.Error, "change the architecture or the input size");
    }
}
