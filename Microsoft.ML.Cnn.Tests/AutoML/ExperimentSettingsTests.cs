// Experiment settings: defaults as documented, and every invalid value refused with its name when the experiment
// is created.
using Microsoft.ML.Cnn.AutoML;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class ExperimentSettingsTests
{
    [TestMethod]
    public void Defaults_AreTheDocumentedOnes()
    {
        var settings = new MulticlassExperimentSettings();

        Assert.AreEqual(86_400u, settings.MaxExperimentTimeInSeconds);
        Assert.IsNull(settings.MaxModels);
        Assert.AreEqual(MulticlassClassificationMetric.MicroAccuracy, settings.OptimizingMetric);
        Assert.AreEqual(TunerKind.TreeParzen, settings.Tuner);
        CollectionAssert.AreEqual(new[] { 1, 3, 9 }, settings.SuccessiveHalving.RungEpochs.ToArray());
        Assert.AreEqual("Features", settings.FeatureColumnName);
        Assert.AreEqual(BinaryClassificationMetric.Accuracy, new BinaryExperimentSettings().OptimizingMetric);
    }

    public static IEnumerable<object[]> InvalidSettings =>
    [
        [(Action<MulticlassExperimentSettings>)(s => s.MaxExperimentTimeInSeconds = 0), "MaxExperimentTimeInSeconds"],
        [(Action<MulticlassExperimentSettings>)(s => s.MaxModels = 0), "MaxModels"],
        [(Action<MulticlassExperimentSettings>)(s => s.SearchSpace = null!), "SearchSpace"],
        [(Action<MulticlassExperimentSettings>)(s => s.SearchSpace = new CnnSearchSpace { BatchSize = new ChoiceOption<int>(0, 32) }), "BatchSize"],
        [(Action<MulticlassExperimentSettings>)(s => s.Tuner = (TunerKind)7), "Tuner"],
        [(Action<MulticlassExperimentSettings>)(s => s.SuccessiveHalving = new SuccessiveHalvingOptions { ReductionFactor = 1 }), "ReductionFactor"],
        [(Action<MulticlassExperimentSettings>)(s => s.FeatureColumnName = ""), "FeatureColumnName"],
        [(Action<MulticlassExperimentSettings>)(s => s.NumberOfThreads = 0), "NumberOfThreads"],
        [(Action<MulticlassExperimentSettings>)(s => s.OptimizingMetric = (MulticlassClassificationMetric)9), "OptimizingMetric"],
    ];

    [TestMethod]
    [DynamicData(nameof(InvalidSettings))]
    public void CreateExperiment_InvalidSetting_ThrowsNamingIt(Action<MulticlassExperimentSettings> spoil, string name)
    {
        var settings = new MulticlassExperimentSettings();
        spoil(settings);

        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext(1).Auto().CreateMulticlassClassificationExperiment(settings));

        StringAssert.Contains(error.Message, name);
    }
}
