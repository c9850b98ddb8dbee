// The running statistics a training step leaves in a batch-norm layer, against PyTorch's update (momentum 0.1,
// unbiased batch variance), using the inputs of the batch_norm_training golden cases.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Goldens;

[TestClass]
public sealed class BatchNormRunningStatisticsGoldenTests
{
    public static IEnumerable<object[]> Cases =>
        new[] { "batch_norm_training_4d", "batch_norm_training_2d" }.SelectMany(c => TestBackends.All.Select(b => new object[] { c, b.Name }));

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Fit_OneBatch_RunningStatisticsMatchPyTorch(string caseName, string backendName)
    {
        var fixture = GoldenFixture.Load("ops", caseName);
        var x = fixture.Tensor("x");
        var batchNorm = new BatchNorm(momentum: fixture.Float("momentum"), epsilon: fixture.Float("epsilon"));
        var network = Network.Sequential(x.Shape.SampleShape.ToArray(), [batchNorm, new Flatten()]);
        fixture.Tensor("gamma").Data.CopyTo(batchNorm.Gamma!.Data, 0);
        fixture.Tensor("beta").Data.CopyTo(batchNorm.Beta!.Data, 0);
        fixture.Tensor("running_mean").Data.CopyTo(batchNorm.RunningMean!.Data, 0);
        fixture.Tensor("running_variance").Data.CopyTo(batchNorm.RunningVariance!.Data, 0);

        using var backend = TestBackends.Named(backendName).Create();
        int batch = x.Shape[0];
        var targets = new float[x.Data.Length];
        using var trainer = new Trainer(network, new TrainerOptions
        {
            Loss = new MeanSquaredErrorLoss(), Optimizer = new Sgd(0.01f), Epochs = 1, BatchSize = batch, Backend = backend,
        });
        trainer.Fit(new InMemoryDataset(x.Data, x.Shape.SampleShape, targets, new Shape(x.Shape.SampleSize)));

        string where = $"{caseName} trained on {backendName}";
        GoldenAssert.Close(fixture.Tensor("updated_running_mean"), batchNorm.RunningMean.Data, fixture.ForwardTolerance, $"{where}, running mean");
        GoldenAssert.Close(fixture.Tensor("updated_running_variance"), batchNorm.RunningVariance.Data, fixture.ForwardTolerance, $"{where}, running variance");
    }
}
