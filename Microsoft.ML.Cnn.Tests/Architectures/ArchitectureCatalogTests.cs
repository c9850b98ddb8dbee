using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class ArchitectureCatalogTests
{
    public static IEnumerable<object[]> Presets => Enum.GetValues<ArchitecturePreset>().Select(p => new object[] { p });

    [TestMethod]
    [DynamicData(nameof(PresetCases.Small), typeof(PresetCases))]
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

    [TestMethod]
    [DynamicData(nameof(PresetCases.FullSize), typeof(PresetCases))]
    public void Create_FullSizePreset_ImageNetShapedClassifierAndSmallInputs(ArchitecturePreset preset)
    {
        var network = ArchitectureCatalog.Create(preset, [3, 224, 224], 1000, seed: 1);
        Assert.AreEqual(new Shape(1000), network.OutputShape);
        network.BuildGraph(NetworkMode.Training);
        network.BuildGraph(NetworkMode.Inference);
        Assert.AreEqual(new Shape(10), ArchitectureCatalog.Create(preset, PresetCases.GrayscaleInput(preset), 10).OutputShape);
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
