// The per-epoch learning-rate policy the trainer consults before each epoch.
namespace Microsoft.ML.Cnn.Optimizers.Schedules;

/// <summary>
/// Gives the learning rate of each epoch from the optimizer's base rate. Schedules that react to training
/// (<see cref="ReduceOnPlateau"/>) also observe each finished epoch; the trainer calls <see cref="Reset"/> when a
/// training run starts, so one schedule instance can serve repeated runs.
/// </summary>
public interface ILearningRateSchedule
{
    /// <summary>The learning rate for <paramref name="epoch"/> (0-based).</summary>
    float LearningRate(int epoch, float baseLearningRate);

    /// <summary>Observes the end of an epoch: the monitored loss is the validation loss, or the training loss without validation.</summary>
    void EpochEnded(int epoch, double monitoredLoss) { }

    /// <summary>Forgets what was observed.</summary>
    void Reset() { }
}

/// <summary>The base learning rate for every epoch.</summary>
public sealed class ConstantSchedule : ILearningRateSchedule
{
    public float LearningRate(int epoch, float baseLearningRate) => baseLearningRate;

    public override string ToString() => "constant";
}
