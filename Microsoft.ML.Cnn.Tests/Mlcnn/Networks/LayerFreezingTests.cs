// --train-only and --freeze-up-to on a torchvision-named network: layer names, module paths, and the mistakes.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Mlcnn;
using Microsoft.ML.Cnn.Mlcnn.Networks;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Networks;

[TestClass]
public sealed class LayerFreezingTests
{
    private static Network ResNet18() => ArchitectureCatalog.Create(ArchitecturePreset.ResNet18, [3, 32, 32], classes: 3);

    private static string[] TrainableLayers(Network network) =>
        network.Layers.Where(l => l.Parameters.Any(p => p.RequiresGradient)).Select(l => l.Name).ToArray();

    [TestMethod]
    public void Apply_TrainOnlyModuleAndLayer_TrainsEveryLayerUnderTheModule()
    {
        var network = ResNet18();
        string summary = LayerFreezing.Parse("layer4.1, fc", null)!.Apply(network, "ResNet-18");
        CollectionAssert.AreEqual(new[] { "layer4.1.conv1", "layer4.1.bn1", "layer4.1.conv2", "layer4.1.bn2", "fc" }, TrainableLayers(network));
        StringAssert.StartsWith(summary, "--train-only layer4.1,fc: training 5 of 41 layers with weights");
    }

    [TestMethod]
    public void Apply_FreezeUpToModule_FreezesTheModuleAndEverythingBeforeIt()
    {
        var network = ResNet18();
        LayerFreezing.Parse(null, "layer3")!.Apply(network, "ResNet-18");
        var trainable = TrainableLayers(network);
        Assert.AreEqual(11, trainable.Length);
        Assert.IsTrue(trainable.All(n => n.StartsWith("layer4.", StringComparison.Ordinal) || n == "fc"), string.Join(", ", trainable));
    }

    [TestMethod]
    public void Apply_UnknownName_ListsLayersWithWeightsAndModules()
    {
        var error = Assert.ThrowsExactly<UsageException>(() => LayerFreezing.Parse("head", null)!.Apply(ResNet18(), "ResNet-18"));
        StringAssert.Contains(error.Message, "--train-only names 'head', which is neither a layer nor a module of the ResNet-18.");
        StringAssert.Contains(error.Message, "conv1, bn1, layer1.0.conv1");
        StringAssert.Contains(error.Message, "its modules are layer1, layer2, layer3, layer4.");
        Assert.DoesNotContain("relu", error.Message);
    }

    [TestMethod]
    public void Parse_NeitherOption_IsNull() => Assert.IsNull(LayerFreezing.Parse(null, null));

    [TestMethod]
    [DataRow("fc", "layer3", "give one of them")]
    [DataRow(",fc", null, "holds an empty name")]
    [DataRow(null, " ", "--freeze-up-to is empty")]
    public void Parse_Mistakes_AreUsageErrors(string? trainOnly, string? freezeUpTo, string expected)
    {
        var error = Assert.ThrowsExactly<UsageException>(() => LayerFreezing.Parse(trainOnly, freezeUpTo));
        StringAssert.Contains(error.Message, expected);
    }
}
