// --architecture values: preset names in any case, architecture files, and what is neither.
using Microsoft.ML.Cnn.Mlcnn;
using Microsoft.ML.Cnn.Mlcnn.Networks;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Networks;

[TestClass]
public sealed class ArchitectureChoiceTests
{
    [TestMethod]
    [DataRow("SeedCnn", "preset SeedCnn")]
    [DataRow("smallvgg", "preset SmallVgg")]
    [DataRow("LENET5CLASSIC", "preset LeNet5Classic")]
    public void Resolve_PresetName_IgnoresCase(string text, string expected) => Assert.AreEqual(expected, ArchitectureChoice.Resolve(text).ToString());

    [TestMethod]
    public void Resolve_Number_IsNotAPreset()
    {
        var error = Assert.ThrowsExactly<UsageException>(() => ArchitectureChoice.Resolve("3"));
        StringAssert.Contains(error.Message, "neither a preset");
    }

    [TestMethod]
    public void Resolve_File_BuildsItsLayersPlusClassifier()
    {
        var choice = ArchitectureChoice.Resolve(MlcnnData.TinyArchitecture);
        var network = choice.Build([1, 8, 8], 3, seed: 1);
        Assert.AreEqual(4, network.Layers.Count);
        Assert.AreEqual(new Microsoft.ML.Cnn.Graph.Shape(3), network.OutputShape);
        StringAssert.Contains(choice.ToString(), "(3 layers + classifier)");
    }

    [TestMethod]
    public void Build_SameSeed_GivesTheSameWeights()
    {
        var choice = ArchitectureChoice.Resolve(MlcnnData.TinyArchitecture);
        var a = choice.Build([1, 8, 8], 3, seed: 5);
        var b = choice.Build([1, 8, 8], 3, seed: 5);
        CollectionAssert.AreEqual(a.Parameters[0].Data, b.Parameters[0].Data);
    }
}
