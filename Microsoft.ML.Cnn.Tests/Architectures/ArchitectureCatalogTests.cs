using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Tests.TestSupport;

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

    [TestMethod]
    [DataRow(ArchitecturePreset.AlexNet, 227, 56_909_194L, "")]
    [DataRow(ArchitecturePreset.ZFNet, 224, 58_301_578L, "")]
    [DataRow(ArchitecturePreset.Vgg11, 224, 0L, "vgg11")]
    [DataRow(ArchitecturePreset.Vgg13, 224, 0L, "vgg13")]
    [DataRow(ArchitecturePreset.Vgg16, 224, 0L, "vgg16")]
    [DataRow(ArchitecturePreset.Vgg19, 224, 0L, "vgg19")]
    [DataRow(ArchitecturePreset.Vgg11BatchNorm, 224, 0L, "vgg11_bn")]
    [DataRow(ArchitecturePreset.Vgg13BatchNorm, 224, 0L, "vgg13_bn")]
    [DataRow(ArchitecturePreset.Vgg16BatchNorm, 224, 0L, "vgg16_bn")]
    [DataRow(ArchitecturePreset.Vgg19BatchNorm, 224, 0L, "vgg19_bn")]
    [DataRow(ArchitecturePreset.MobileNetV1, 224, 3_217_226L, "")]
    public void Create_FullSizePreset_DefaultOptionsAtNativeSize(ArchitecturePreset preset, int size, long expected, string torchvisionName)
    {
        // 10 classes: the 1000-class counts are checked in each preset's tests; torchvision's 10-class counts come from its file.
        if (torchvisionName.Length > 0) expected = TorchvisionReference.ParameterCount(torchvisionName, 10);
        var network = ArchitectureCatalog.Create(preset, [3, size, size], 10, seed: 1);
        Assert.AreEqual(new Shape(10), network.OutputShape);
        Assert.AreEqual(expected, network.Summary().TrainableParameters);
        network.BuildGraph(NetworkMode.Training);
        network.BuildGraph(NetworkMode.Inference);
    }

    [TestMethod]
    public void Create_FullSizePresetOnMnist_ThrowsSayingWhatFits()
    {
        var error = Assert.ThrowsExactly<ShapeInferenceException>(() => ArchitectureCatalog.Create(ArchitecturePreset.Vgg11, [1, 28, 28], 10));
        Assert.AreEqual("features.20", error.LayerName);
        Assert.ThrowsExactly<ArgumentException>(() => ArchitectureCatalog.Create(ArchitecturePreset.MobileNetV1, [1, 28, 28], 10));
    }
}
