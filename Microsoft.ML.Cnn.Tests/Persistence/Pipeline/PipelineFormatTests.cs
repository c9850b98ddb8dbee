// PipelineFormat's name patterns: the only entry names a model zip may hold, and the sub-model and stream names a
// transformer may choose.
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Tests.Persistence.Pipeline;

[TestClass]
public sealed class PipelineFormatTests
{
    [TestMethod]
    [DataRow("Step0", true)]
    [DataRow("a-b_C9", true)]
    [DataRow("", false)]
    [DataRow("a.b", false)]
    [DataRow("a/b", false)]
    [DataRow("..", false)]
    [DataRow("é", false)]
    [DataRow("a\n", false)]
    public void IsValidName_Table(string name, bool valid) => Assert.AreEqual(valid, PipelineFormat.IsValidName(name));

    [TestMethod]
    public void IsValidName_Length_AtMost64() =>
        Assert.AreEqual((true, false), (PipelineFormat.IsValidName(new string('a', 64)), PipelineFormat.IsValidName(new string('a', 65))));

    [TestMethod]
    [DataRow("Manifest.txt", true)]
    [DataRow("Model/Step0/Model.bin", true)]
    [DataRow("Model/Blob.bin", true)]
    [DataRow("Model/Blob.exe", false)]
    [DataRow("Model/Blob", false)]
    [DataRow("/Model/Blob.bin", false)]
    [DataRow("Model//Blob.bin", false)]
    [DataRow("Model/../Blob.bin", false)]
    [DataRow("Model\\Blob.bin", false)]
    [DataRow("C:/Blob.bin", false)]
    [DataRow("Model/Blob.bin\n", false)]
    public void IsValidEntryPath_Table(string path, bool valid) => Assert.AreEqual(valid, PipelineFormat.IsValidEntryPath(path));

    [TestMethod]
    public void IsValidEntryPath_DeepestSavableModel_Allowed()
    {
        // The root directory plus MaxDepth sub-model levels, then the file.
        string deepest = "Model/" + string.Concat(Enumerable.Repeat("Step0/", PipelineFormat.MaxDepth)) + "Loader.bin";
        Assert.IsTrue(PipelineFormat.IsValidEntryPath(deepest));
    }
}
