// CnnSearchSpace: one dimension per option, decoded settings inside the declared options, custom spaces, and
// declarations that cannot build a network rejected with the option's name.
using Microsoft.ML.Cnn.AutoML;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class CnnSearchSpaceTests
{
    private static IEnumerable<CnnTrialSettings> Samples(CnnSearchSpace space, int count)
    {
        var random = new SeededRandom(11);
        int dimensions = space.Dimensions.Count;
        for (int i = 0; i < count; i++) yield return space.Decode(Enumerable.Range(0, dimensions).Select(_ => random.NextDouble()).ToArray());
    }

    [TestMethod]
    public void Dimensions_DefaultSpace_OnePerOptionWithChoicesAsCategories()
    {
        var dimensions = new CnnSearchSpace().Dimensions;

        Assert.HasCount(12, dimensions);
        Assert.IsNull(dimensions[0].Categories, "ConvBlocks is a range");
        Assert.AreEqual(2, dimensions[1].Categories, "ConvLayersPerBlock is {1, 2}");
        Assert.AreEqual(4, dimensions[11].Categories, "Augmentation has four kinds");
    }

    [TestMethod]
    public void Decode_RandomPoints_EverySettingIsOneTheSpaceDeclares()
    {
        var space = new CnnSearchSpace();

        foreach (var s in Samples(space, 500))
        {
            Assert.IsTrue(s.ConvBlocks is >= 2 and <= 3);
            CollectionAssert.Contains(space.Filters.Values.ToArray(), s.Filters);
            CollectionAssert.Contains(space.KernelSize.Values.ToArray(), s.KernelSize);
            Assert.IsTrue(s.Dropout is >= 0f and <= 0.5f);
            Assert.IsTrue(s.LearningRate is >= 1e-4f and <= 1e-2f);
            Assert.IsTrue(s.WeightDecay is >= 1e-5f and <= 1e-2f);
            CollectionAssert.Contains(space.BatchSize.Values.ToArray(), s.BatchSize);
            CollectionAssert.Contains(space.Optimizer.Values.ToArray(), s.Optimizer);
        }
        Assert.AreEqual(2, Samples(space, 200).Select(s => s.BatchNorm).Distinct().Count());
        Assert.AreEqual(4, Samples(space, 200).Select(s => s.Augmentation).Distinct().Count());
    }

    [TestMethod]
    public void Decode_CustomSpace_KeepsFixedOptionsFixed()
    {
        var space = new CnnSearchSpace
        {
            Optimizer = new ChoiceOption<OptimizerKind>(OptimizerKind.SgdNesterov),
            BatchNorm = new ChoiceOption<bool>(true),
            ConvBlocks = new UniformIntOption(3, 3),
        };

        Assert.IsTrue(Samples(space, 100).All(s => s.Optimizer == OptimizerKind.SgdNesterov && s.BatchNorm && s.ConvBlocks == 3));
    }

    [TestMethod]
    public void Decode_WrongNumberOfCoordinates_Throws()
    {
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new CnnSearchSpace().Decode([0.5, 0.5])).Message, "12 dimensions");
    }

    [TestMethod]
    public void Validate_OptionsThatCannotBuildANetwork_NameTheOption()
    {
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => (new CnnSearchSpace { KernelSize = new ChoiceOption<int>(3, 4) }).Validate()).Message, "odd");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => (new CnnSearchSpace { Dropout = new UniformSingleOption(0f, 1f) }).Validate()).Message, "Dropout");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => (new CnnSearchSpace { ConvBlocks = new UniformIntOption(0, 2) }).Validate()).Message, "ConvBlocks");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => (new CnnSearchSpace { Filters = null! }).Validate()).Message, "Filters is null");
    }

    [TestMethod]
    public void ToString_ListsEveryOption()
    {
        string text = new CnnSearchSpace().ToString();

        StringAssert.Contains(text, "LearningRate: [0.0001, 0.01] log");
        StringAssert.Contains(text, "Filters: {16, 32, 64}");
        Assert.HasCount(12, text.Split(Environment.NewLine));
    }
}
