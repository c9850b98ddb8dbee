// Checks of train's settings that the option parser cannot make, and the trainer options they give.
using Microsoft.ML.Cnn.Mlcnn;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Optimizers.Schedules;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Pipelines;

[TestClass]
public sealed class TrainingSettingsTests
{
    [TestMethod]
    [DataRow(0, "--epochs 0")]
    [DataRow(1, "--batch-size 0")]
    [DataRow(2, "--momentum 1")]
    [DataRow(3, "--crop -1")]
    [DataRow(4, "--translate 1")]
    [DataRow(5, "--threads 0")]
    [DataRow(6, "--schedule plateau watches validation loss")]
    [DataRow(7, "--learning-rate 0")]
    public void Validate_BadValue_NamesTheOption(int row, string expected)
    {
        var settings = row switch
        {
            0 => new TrainingSettings { Epochs = 0 },
            1 => new TrainingSettings { BatchSize = 0 },
            2 => new TrainingSettings { Momentum = 1f },
            3 => new TrainingSettings { CropPadding = -1 },
            4 => new TrainingSettings { TranslateFraction = 1f },
            5 => new TrainingSettings { Threads = 0 },
            6 => new TrainingSettings { Schedule = ScheduleKind.Plateau },
            _ => new TrainingSettings { LearningRate = 0f },
        };
        var error = Assert.ThrowsExactly<UsageException>(() => settings.Validate(hasValidationData: false));
        StringAssert.StartsWith(error.Message, expected);
    }

    [TestMethod]
    public void ToTrainerOptions_AdamW_DecaysInTheOptimizerOnly()
    {
        var options = new TrainingSettings { Optimizer = OptimizerKind.AdamW, WeightDecay = 0.05f, Schedule = ScheduleKind.Cosine, WarmupEpochs = 1, Epochs = 4 }
            .ToTrainerOptions(CnnArchitecture.Default);
        Assert.AreEqual(0.05f, ((AdamW)options.Optimizer!).DecoupledWeightDecay);
        Assert.AreEqual(0f, options.WeightDecay);
        Assert.IsInstanceOfType<CosineDecay>(options.LearningRateSchedule);
    }

    [TestMethod]
    public void ToTrainerOptions_SgdWithoutRate_UsesSgdsUsualRateAndCoupledDecay()
    {
        var options = new TrainingSettings { Optimizer = OptimizerKind.Sgd, WeightDecay = 5e-4f, EarlyStoppingPatience = 2 }.ToTrainerOptions(CnnArchitecture.Default);
        Assert.AreEqual(1e-2f, options.Optimizer!.LearningRate);
        Assert.AreEqual(5e-4f, options.WeightDecay);
        Assert.AreEqual(2, options.EarlyStopping!.Patience);
    }
}
