// ChoiceOption: each listed value owns an equal share of the unit interval, in order; declarations are checked.
using Microsoft.ML.Cnn.AutoML;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class ChoiceOptionTests
{
    [TestMethod]
    public void Decode_AnyCoordinate_GivesEachValueAnEqualShareInOrder()
    {
        var option = new ChoiceOption<int>(16, 32, 64);
        var counts = Units.Draw(3000).GroupBy(option.Decode).ToDictionary(g => g.Key, g => g.Count());

        foreach (int value in option.Values) Assert.AreEqual(1000, counts[value], 100);
        Assert.AreEqual(16, option.Decode(0.1));
        Assert.AreEqual(64, option.Decode(0.99));
        Assert.AreEqual(64, option.Decode(1));
        Assert.AreEqual("{16, 32, 64}", option.ToString());
    }

    [TestMethod]
    public void Decode_OneValue_FixesTheSetting()
    {
        var option = new ChoiceOption<OptimizerKind>(OptimizerKind.AdamW);

        Assert.IsTrue(Units.Draw(50).All(u => option.Decode(u) == OptimizerKind.AdamW));
    }

    [TestMethod]
    public void Boolean_HasOffAndOn()
    {
        CollectionAssert.AreEqual(new[] { false, true }, ChoiceOption.Boolean().Values.ToArray());
    }

    [TestMethod]
    public void Constructor_NoneOrRepeatedValues_Throws()
    {
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new ChoiceOption<int>()).Message, "at least one");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new ChoiceOption<int>(3, 5, 3)).Message, "repeat");
    }
}
