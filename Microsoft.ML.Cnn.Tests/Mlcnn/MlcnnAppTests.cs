// The command tree: help, missing commands and unparsable options (exit code 2 with a pointer to --help).
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Mlcnn;

[TestClass]
public sealed class MlcnnAppTests
{
    [TestMethod]
    public void Run_Help_ListsEveryCommandAndSucceeds()
    {
        var result = MlcnnRunner.Expect(0, "--help");
        foreach (var command in new[] { "train", "evaluate", "score", "summary", "export-onnx", "automl" }) StringAssert.Contains(result.Output, command);
    }

    [TestMethod]
    [DataRow("train")]
    [DataRow("evaluate")]
    [DataRow("score")]
    [DataRow("summary")]
    [DataRow("export-onnx")]
    [DataRow("automl")]
    public void Run_CommandHelp_DescribesOptionsAndSucceeds(string command)
    {
        var result = MlcnnRunner.Expect(0, command, "--help");
        StringAssert.Contains(result.Output, "Usage:");
        StringAssert.Contains(result.Output, $"mlcnn {command}");
    }

    [TestMethod]
    public void Run_NoCommand_IsUsageError()
    {
        var result = MlcnnRunner.Expect(2);
        StringAssert.Contains(result.Error, "Run 'mlcnn --help'");
    }

    [TestMethod]
    public void Run_UnparsableOption_IsUsageErrorNamingIt()
    {
        var result = MlcnnRunner.Expect(2, "train", "--data", "x", "--epochs", "many");
        StringAssert.Contains(result.Error, "--epochs");
        StringAssert.Contains(result.Error, "Run 'mlcnn train --help'");
    }

    [TestMethod]
    public void Run_UnknownOption_IsUsageError()
    {
        var result = MlcnnRunner.Expect(2, "summary", "--archtecture", "SeedCnn");
        StringAssert.Contains(result.Error, "--archtecture");
    }

    [TestMethod]
    public void Run_MissingRequiredOption_IsUsageError()
    {
        var result = MlcnnRunner.Expect(2, "score", "--images", "somewhere");
        StringAssert.Contains(result.Error, "--model");
    }
}
