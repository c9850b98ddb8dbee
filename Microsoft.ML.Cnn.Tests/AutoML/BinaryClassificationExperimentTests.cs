// The binary experiment: a Boolean label searched end to end, ranked by the chosen binary metric, and reloadable.
using Microsoft.ML.Cnn.AutoML;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Tests.Trainers;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class BinaryClassificationExperimentTests
{
    [TestMethod]
    public void Execute_BooleanLabel_FindsAClassifierRankedByAuc()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(QuadrantData.BinaryRows(160));
        var settings = new BinaryExperimentSettings
        {
            SearchSpace = TinySearch.Space, Seed = 3, MaxModels = 3, OptimizingMetric = BinaryClassificationMetric.AreaUnderRocCurve,
            SuccessiveHalving = new SuccessiveHalvingOptions { MinEpochs = 1, MaxEpochs = 3 }, Backend = BackendKind.Managed, NumberOfThreads = 1,
        };

        var result = ml.Auto().CreateBinaryClassificationExperiment(settings).Execute(train, 0.25);

        Assert.AreEqual("CnnBinaryTrainer", result.BestRun.TrainerName);
        Assert.AreEqual(result.BestRun.ValidationMetrics!.AreaUnderRocCurve, result.BestRun.ValidationMetric);
        var test = ml.Data.LoadFromEnumerable(QuadrantData.BinaryRows(60, seed: 2));
        var metrics = ml.BinaryClassification.Evaluate(result.BestRun.Model!.Transform(test));
        Assert.IsGreaterThan(0.9, metrics.AreaUnderRocCurve);
        var reloaded = ModelZip.Load(ModelZip.Save(result.BestRun.Model, train.Schema), out _);
        CollectionAssert.AreEqual(TransformRows.Column<float>(result.BestRun.Model.Transform(test), "Probability"), TransformRows.Column<float>(reloaded.Transform(test), "Probability"));
    }

    [TestMethod]
    public void CreateBinaryClassificationExperiment_TimeOnly_KeepsOtherDefaults()
    {
        var experiment = new MLContext(1).Auto().CreateBinaryClassificationExperiment(maxExperimentTimeInSeconds: 60);

        Assert.AreEqual(60u, experiment.Settings.MaxExperimentTimeInSeconds);
        Assert.AreEqual(BinaryClassificationMetric.Accuracy, experiment.Settings.OptimizingMetric);
    }
}
