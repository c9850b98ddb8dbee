// TrainerOptions.Validate: each invalid setting is named with a fix.
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Training;

[TestClass]
public sealed class TrainerOptionsTests
{
    public static IEnumerable<object[]> Invalid =>
    [
        [new TrainerOptions { Epochs = 0 }, "Epochs"],
        [new TrainerOptions { BatchSize = 0 }, "BatchSize"],
        [new TrainerOptions { WeightDecay = -1f }, "WeightDecay"],
        [new TrainerOptions { WeightDecay = 1e-4f, Optimizer = new Adam { WeightDecay = 1e-4f } }, "set it in one place"],
        [new TrainerOptions { ValidationFraction = 1.0 }, "ValidationFraction"],
        [new TrainerOptions { EarlyStopping = new EarlyStoppingOptions { Patience = 0 } }, "Patience"],
        [new TrainerOptions { EarlyStopping = new EarlyStoppingOptions { MinDelta = -1 } }, "MinDelta"],
        [new TrainerOptions { Loss = null! }, "Loss"],
        [new TrainerOptions { Optimizer = null! }, "Optimizer"],
        [new TrainerOptions { Schedule = null! }, "Schedule"],
    ];

    [TestMethod]
    [DynamicData(nameof(Invalid))]
    public void Validate_InvalidSetting_ThrowsNamingIt(TrainerOptions options, string expected)
    {
        var e = Assert.ThrowsExactly<ArgumentException>(options.Validate);

        StringAssert.Contains(e.Message, expected);
    }

    [TestMethod]
    public void Validate_Defaults_Pass() => new TrainerOptions().Validate();
}
