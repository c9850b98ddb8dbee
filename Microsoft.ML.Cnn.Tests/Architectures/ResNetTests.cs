using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class ResNetTests
{
    public static IEnumerable<object[]> Depths =>
    [
        // torchvision 0.14.1: sum(p.numel() for p in resnetNN().parameters()).
        ["ResNet18", 11_689_512L],
        ["ResNet34", 21_797_672L],
        ["ResNet50", 25_557_032L],
    ];

    [TestMethod]
    [DynamicData(nameof(Depths))]
    public void Create_ImageNetDepths_TorchvisionParameterCounts(string depth, long expected)
    {
        var network = ResNet.Create([3, 224, 224], 1000, Options(depth));
        Assert.AreEqual(expected, network.Summary().TrainableParameters);
        Assert.AreEqual(new Shape(1000), network.OutputShape);
    }

    [TestMethod]
    public void Create_ResNet18_ProjectionOnlyWhereShapeChanges()
    {
        var network = ResNet.Create([3, 224, 224], 1000);
        CollectionAssert.AreEqual(new[] { "layer2.0.downsample.0", "layer3.0.downsample.0", "layer4.0.downsample.0" }, ConvolutionsNamed(network, ".downsample.0"));
        Assert.AreEqual(8, network.Layers.OfType<Add>().Count());
        Assert.AreEqual(new Shape(Shape.Batch, 64, 56, 56), OutputOf(network, "maxpool"));
        Assert.AreEqual(new Shape(Shape.Batch, 512, 7, 7), OutputOf(network, "layer4.1.relu2"));
    }

    [TestMethod]
    public void Create_ResNet50_BottlenecksExpandFourTimesAndStrideOnTheThreeByThree()
    {
        var network = ResNet.Create([3, 224, 224], 1000, ResNetOptions.ResNet50);
        // layer1 widens 64 to 256, so even its first block needs a (stride 1) projection.
        CollectionAssert.AreEqual(new[] { "layer1.0.downsample.0", "layer2.0.downsample.0", "layer3.0.downsample.0", "layer4.0.downsample.0" }, ConvolutionsNamed(network, ".downsample.0"));
        Assert.AreEqual((1, 1), ((Conv2D)network.GetLayer("layer2.0.conv1")).Stride);
        Assert.AreEqual((2, 2), ((Conv2D)network.GetLayer("layer2.0.conv2")).Stride);
        Assert.AreEqual(new Shape(Shape.Batch, 2048, 7, 7), OutputOf(network, "layer4.2.relu3"));
    }

    [TestMethod]
    public void Create_GeneralForm_BlocksPerStageAsGiven()
    {
        var network = ResNet.Create([3, 64, 64], 10, new ResNetOptions(ResNetBlock.Bottleneck, [1, 2]));
        Assert.AreEqual(3, network.Layers.OfType<Add>().Count());
        Assert.AreEqual(new Shape(Shape.Batch, 512, 8, 8), OutputOf(network, "layer2.1.relu3"));
        Assert.AreEqual(new Shape(10), network.OutputShape);
    }

    [TestMethod]
    [DataRow(32)]
    [DataRow(1)]
    public void Create_SmallInputs_WorkBecauseEveryDownsamplingIsPadded(int size)
    {
        var network = ResNet.Create([1, size, size], 7, ResNetOptions.ResNet18);
        Assert.AreEqual(new Shape(Shape.Batch, 512, 1, 1), OutputOf(network, "layer4.1.relu2"));
        Assert.AreEqual(new Shape(7), network.OutputShape);
    }

    [TestMethod]
    public void Create_BadOptions_ThrowNamingTheProblem()
    {
        Assert.ThrowsExactly<ArgumentException>(() => ResNet.Create([3, 32, 32], 10, new ResNetOptions(ResNetBlock.Basic, [])));
        Assert.ThrowsExactly<ArgumentException>(() => ResNet.Create([3, 32, 32], 10, new ResNetOptions(ResNetBlock.Basic, [2, 0])));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ResNet.Create([3, 32, 32], 10, new ResNetOptions((ResNetBlock)9, [2])));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ResNet.Create([3, 32, 32], 0));
    }

    private static ResNetOptions Options(string depth) => depth switch
    {
        "ResNet18" => ResNetOptions.ResNet18,
        "ResNet34" => ResNetOptions.ResNet34,
        "ResNet50" => ResNetOptions.ResNet50,
        _ => throw new ArgumentException($"No ResNet depth '{depth}'.", nameof(depth)),
    };

    private static string[] ConvolutionsNamed(Network network, string suffix) =>
        network.Layers.OfType<Conv2D>().Select(l => l.Name).Where(n => n.EndsWith(suffix, StringComparison.Ordinal)).ToArray();

    private static Shape OutputOf(Network network, string layer) => network.Applications.Single(a => a.Layer?.Name == layer).Shape;
}
