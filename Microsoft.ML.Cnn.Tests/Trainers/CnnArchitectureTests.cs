// The architecture choices of the Cnn trainers: presets, factories and given networks (copied, never changed).
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class CnnArchitectureTests
{
    private static Network Small(int[] input, int outputs) =>
        Network.Sequential(input, [new Conv2D(2, 3, activation: Activation.Relu), new Flatten(), new Dense(outputs)], seed: 3);

    [TestMethod]
    public void Build_Preset_IsTheCatalogNetworkForTheSeed()
    {
        CnnArchitecture architecture = ArchitecturePreset.SmallVgg;

        var built = architecture.Build(new Shape(1, 16, 16), 4, seed: 9);
        var expected = ArchitectureCatalog.Create(ArchitecturePreset.SmallVgg, [1, 16, 16], 4, seed: 9);

        Assert.AreEqual(ArchitecturePreset.SmallVgg, architecture.Preset);
        Assert.AreEqual("preset SmallVgg", architecture.ToString());
        for (int i = 0; i < expected.Parameters.Count; i++) CollectionAssert.AreEqual(expected.Parameters[i].Data, built.Parameters[i].Data);
    }

    [TestMethod]
    public void Build_Factory_GetsTheInputShapeAndOutputCount()
    {
        (Shape, int)? seen = null;
        var architecture = CnnArchitecture.FromFactory((shape, outputs) => { seen = (shape, outputs); return Small(shape.ToArray(), outputs); });

        var built = architecture.Build(new Shape(3, 6, 6), 5, seed: 0);

        Assert.AreEqual((new Shape(3, 6, 6), 5), seen);
        Assert.AreEqual(new Shape(5), built.OutputShape);
    }

    [TestMethod]
    public void Build_GivenNetwork_ReturnsACopyWithTheSameWeights()
    {
        var given = Small([1, 8, 8], 3);
        var architecture = CnnArchitecture.FromNetwork(given);

        var first = architecture.Build(new Shape(1, 8, 8), 3, seed: 0);
        first.Parameters[0].Data[0] += 1f;
        var second = architecture.Build(new Shape(1, 8, 8), 3, seed: 0);

        Assert.AreNotSame(given, first);
        CollectionAssert.AreEqual(given.Parameters[0].Data, second.Parameters[0].Data);
        Assert.AreNotEqual(given.Parameters[0].Data[0], first.Parameters[0].Data[0]);
    }

    [TestMethod]
    public void Build_GivenNetworkWithFrozenLayers_KeepsTheFlagsInTheCopy()
    {
        var given = Network.Sequential([1, 8, 8],
            [new Conv2D(2, 3, name: "conv"), new BatchNorm(name: "bn"), new Flatten(name: "flatten"), new Dense(3, name: "head")], seed: 3);
        given.FreezeAllExcept("head");

        var built = CnnArchitecture.FromNetwork(given).Build(new Shape(1, 8, 8), 3, seed: 0);

        CollectionAssert.AreEqual(new[] { false, false, false, true }, built.Layers.Select(l => l.Trainable).ToArray());
        CollectionAssert.AreEqual(new[] { false, false, false, false, false, false, true, true }, built.Parameters.Select(p => p.RequiresGradient).ToArray());
    }

    [TestMethod]
    [DataRow(new[] { 1, 9, 9 }, 3, "takes samples of shape (1, 8, 8), not (1, 9, 9)")]
    [DataRow(new[] { 1, 8, 8 }, 4, "outputs (3) per sample; this task needs (4): end the network with Dense(4)")]
    public void Build_GivenNetworkThatDoesNotFit_SaysWhatItTakesAndGives(int[] input, int outputs, string expected)
    {
        var architecture = CnnArchitecture.FromNetwork(Small([1, 8, 8], 3));

        var error = Assert.ThrowsExactly<ArgumentException>(() => architecture.Build(new Shape(input), outputs, seed: 0));

        StringAssert.Contains(error.Message, expected);
    }

    [TestMethod]
    public void FromPreset_UnknownValue_ListsThePresets()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => CnnArchitecture.FromPreset((ArchitecturePreset)99));

        StringAssert.Contains(error.Message, "SeedCnn, SeedCnnBatchNorm");
    }
}
