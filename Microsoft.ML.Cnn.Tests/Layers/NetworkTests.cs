using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class NetworkTests
{
    /// <summary>stem → (a, b) → add → head: two branches, so "up to" must follow the wiring, not the layer order.</summary>
    private static Network Branched()
    {
        var input = Network.Input(1, 6, 6);
        var stem = new Conv2D(2, 3, padding: Padding.Same, name: "stem").Call(input);
        var a = new BatchNorm(name: "a").Call(stem);
        var b = new Conv2D(2, 1, name: "b").Call(stem);
        var sum = new Add(name: "add").Call(a, b);
        var head = new Dense(3, name: "head").Call(new Flatten(name: "flatten").Call(sum));
        return new Network(input, head);
    }

    private static string[] Frozen(Network network) => network.Layers.Where(l => !l.Trainable).Select(l => l.Name).ToArray();

    [TestMethod]
    public void FreezeAllExcept_Head_FreezesEveryOtherLayer()
    {
        var network = Branched();
        network.GetLayer("head").Trainable = false;

        network.FreezeAllExcept("head");

        CollectionAssert.AreEquivalent(new[] { "stem", "a", "b", "add", "flatten" }, Frozen(network));
        Assert.IsTrue(network.GetLayer("head").Trainable, "named layers become trainable");
        Assert.IsTrue(network.Parameters.Where(p => p.RequiresGradient).All(p => p.Name.StartsWith("head.", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void FreezeAllExcept_UnknownLayer_ThrowsListingTheLayers()
    {
        var e = Assert.ThrowsExactly<KeyNotFoundException>(() => Branched().FreezeAllExcept("fc"));
        StringAssert.Contains(e.Message, "No layer or module is named 'fc'. Layers: stem, ");
    }

    [TestMethod]
    public void FreezeUpTo_Branch_FreezesOnlyWhatItDependsOn()
    {
        var network = Branched();

        network.FreezeUpTo("b");

        CollectionAssert.AreEquivalent(new[] { "stem", "b" }, Frozen(network));
    }

    [TestMethod]
    public void FreezeUpTo_Merge_FreezesBothBranches()
    {
        var network = Branched();

        network.FreezeUpTo("add");

        CollectionAssert.AreEquivalent(new[] { "stem", "a", "b", "add" }, Frozen(network));
    }

    [TestMethod]
    public void Trainable_UnfreezingBatchNorm_KeepsRunningStatisticsUntrainable()
    {
        var bn = (BatchNorm)Branched().GetLayer("a");

        bn.Trainable = false;
        bn.Trainable = true;

        Assert.IsTrue(bn.Gamma!.Trainable && bn.Beta!.Trainable);
        Assert.IsFalse(bn.RunningMean!.Trainable || bn.RunningVariance!.Trainable, "running statistics are state");
    }

    [TestMethod]
    public void FindLayers_NameModuleOrNeither_ExactLayerElseEveryLayerUnderTheModule()
    {
        var network = ResNet.Create([3, 32, 32], 4, ResNetOptions.ResNet18);

        CollectionAssert.AreEqual(new[] { "fc" }, network.FindLayers("fc").Select(l => l.Name).ToArray());
        var stage = network.FindLayers("layer3").Select(l => l.Name).ToArray();
        Assert.IsTrue(stage.Length > 10 && stage.All(n => n.StartsWith("layer3.", StringComparison.Ordinal)), string.Join(", ", stage));
        Assert.IsEmpty(network.FindLayers("layer3.0.conv"), "a module path ends at a dot, not inside a name");
        Assert.IsEmpty(network.FindLayers("layer9"));
    }

    [TestMethod]
    public void FreezeUpTo_ResNetStage_FreezesTheStemAndStagesOneToThreeOnly()
    {
        var network = ResNet.Create([3, 32, 32], 4, ResNetOptions.ResNet18);

        network.FreezeUpTo("layer3");

        foreach (var layer in network.Layers.Where(l => l.Parameters.Count > 0))
        {
            bool late = layer.Name.StartsWith("layer4.", StringComparison.Ordinal) || layer.Name == "fc";
            Assert.AreEqual(late, layer.Trainable, layer.Name);
        }
    }

    [TestMethod]
    public void FreezeAllExcept_Modules_TrainsOnlyLayersUnderThem()
    {
        var network = ResNet.Create([3, 32, 32], 4, ResNetOptions.ResNet18);

        network.FreezeAllExcept("layer4", "fc");

        var trainable = network.Layers.Where(l => l.Trainable).Select(l => l.Name).ToArray();
        Assert.IsTrue(trainable.All(n => n == "fc" || n.StartsWith("layer4.", StringComparison.Ordinal)), string.Join(", ", trainable));
        Assert.IsTrue(trainable.Contains("layer4.1.conv2") && trainable.Contains("fc"));
    }
}
