using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class ArchitectureCatalogTests
{
    // The small presets take 28x28 inputs; the full-size ones have their own tests.
    public static IEnumerable<object[]> Presets => Enum.GetValues<ArchitecturePreset>().Where(p => p <= ArchitecturePreset.SmallMobileNet).Select(p => new object[] { p });

    [TestMethod]
    [DynamicData(nameof(Presets))]
    public void Create_EveryPreset_MnistShapedClassifier(ArchitecturePreset preset)
    {
        var network = ArchitectureCatalog.Create(preset, [1, 28, 28], 10, seed: 1);
        Assert.AreEqual(new Shape(10), network.OutputShape);
        Assert.AreEqual(new Shape(1, 28, 28), network.InputShape);
        Assert.IsNotInstanceOfType<Softmax>(network.Outputs[0].Layer, "classifiers output logits");
        network.BuildGraph(NetworkMode.Training);
        network.BuildGraph(NetworkMode.Inference);
    }

    [TestMethod]
    [DynamicData(nameof(Presets))]
    public void Create_ColorInput_Works(ArchitecturePreset preset)
    {
        Assert.AreEqual(new Shape(5), ArchitectureCatalog.Create(preset, [3, 32, 32], 5).OutputShape);
    }

    // 10 classes (torchvision 0.14.1's resnetNN(num_classes=10) and densenet121(num_classes=10); GoogLeNet is the
    // paper's variant, 6,998,552 - 990 x 1025), and the smallest grayscale input they share: 32x32 (GoogLeNet needs 31).
    [TestMethod]
    [DataRow(ArchitecturePreset.GoogLeNet, 5_983_802L)]
    [DataRow(ArchitecturePreset.ResNet18, 11_181_642L)]
    [DataRow(ArchitecturePreset.ResNet34, 21_289_802L)]
    [DataRow(ArchitecturePreset.ResNet50, 23_528_522L)]
    [DataRow(ArchitecturePreset.DenseNet121, 6_964_106L)]
    public void Create_FullSizeBranchingPreset_ImageNetSizeAndSmallInputs(ArchitecturePreset preset, long expected)
    {
        var network = ArchitectureCatalog.Create(preset, [3, 224, 224], 10, seed: 1);
        Assert.AreEqual(new Shape(10), network.OutputShape);
        Assert.AreEqual(expected, network.Summary().TrainableParameters);
        network.BuildGraph(NetworkMode.Training);
        Assert.AreEqual(new Shape(10), ArchitectureCatalog.Create(preset, [1, 32, 32], 10).OutputShape);
    }

    [TestMethod]
    public void Create_UnknownPreset_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ArchitectureCatalog.Create((ArchitecturePreset)200, [1, 28, 28], 10));
    }

    [TestMethod]
    [DataRow(new[] { 28, 28 }, 10)]
    [DataRow(new[] { 1, 0, 28 }, 10)]
    [DataRow(new[] { 1, 28, 28 }, 0)]
    public void Create_BadArguments_Throw(int[] shape, int classes)
    {
        Assert.Throws<ArgumentException>(() => SeedCnn.Create(shape, classes));
    }
}
