// Epoch-only schedules: values at chosen epochs, against the closed forms (and PyTorch's per-epoch values).
using Microsoft.ML.Cnn.Optimizers.Schedules;

namespace Microsoft.ML.Cnn.Tests.Optimizers.Schedules;

[TestClass]
public sealed class DecaySchedulesTests
{
    [TestMethod]
    [DataRow(0, 0.1f)]
    [DataRow(2, 0.1f)]
    [DataRow(3, 0.01f)]
    [DataRow(7, 0.001f)]
    public void StepDecay_Epoch_DecaysEveryStep(int epoch, float expected) =>
        Assert.AreEqual(expected, new StepDecay(3, 0.1f).LearningRate(epoch, 0.1f), 1e-7f);

    [TestMethod]
    [DataRow(0, 1f)]
    [DataRow(1, 0.5f)]
    [DataRow(4, 0.0625f)]
    public void ExponentialDecay_Epoch_IsGammaToTheEpoch(int epoch, float expected) =>
        Assert.AreEqual(expected, new ExponentialDecay(0.5f).LearningRate(epoch, 1f), 1e-7f);

    // PyTorch CosineAnnealingLR(T_max=4, eta_min=0.1) from lr 1: 1, 0.86820, 0.55, 0.23180, then 0.1.
    [TestMethod]
    [DataRow(0, 1f)]
    [DataRow(1, 0.8681981f)]
    [DataRow(2, 0.55f)]
    [DataRow(3, 0.2318019f)]
    [DataRow(4, 0.1f)]
    [DataRow(9, 0.1f)]
    public void CosineDecay_Epoch_FollowsHalfCosine(int epoch, float expected) =>
        Assert.AreEqual(expected, new CosineDecay(4, 0.1f).LearningRate(epoch, 1f), 1e-6f);

    [TestMethod]
    [DataRow(0, 1f / 3)]
    [DataRow(1, 2f / 3)]
    [DataRow(2, 1f)]
    [DataRow(4, 0.5f)]
    public void CosineDecay_WithWarmup_RampsLinearlyThenDecays(int epoch, float expected) =>
        Assert.AreEqual(expected, new CosineDecay(6, 0f, warmupEpochs: 2).LearningRate(epoch, 1f), 1e-6f);

    [TestMethod]
    public void ConstantSchedule_AnyEpoch_IsTheBaseRate() =>
        Assert.AreEqual(0.25f, new ConstantSchedule().LearningRate(100, 0.25f));

    [TestMethod]
    public void Constructors_InvalidArguments_Throw()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new StepDecay(0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new StepDecay(2, 1.5f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ExponentialDecay(0f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CosineDecay(0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CosineDecay(5, -1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CosineDecay(5, 0f, warmupEpochs: 5));
    }
}
