// Every invalid Cnn trainer option fails when the trainer is created, naming the option and how to fix it.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class CnnTrainerOptionsTests
{
    public static IEnumerable<object[]> InvalidOptions =>
    [
        ["LabelColumnName", (Action<CnnMulticlassTrainer.Options>)(o => o.LabelColumnName = ""), "name the label column"],
        ["FeatureColumnName", (Action<CnnMulticlassTrainer.Options>)(o => o.FeatureColumnName = "Label"), "they must differ"],
        ["ExampleWeightColumnName", (Action<CnnMulticlassTrainer.Options>)(o => o.ExampleWeightColumnName = ""), "leave it null"],
        ["MaxEpoch", (Action<CnnMulticlassTrainer.Options>)(o => o.MaxEpoch = 0), "at least 1 epoch"],
        ["BatchSize", (Action<CnnMulticlassTrainer.Options>)(o => o.BatchSize = -2), "use at least 1"],
        ["LearningRate", (Action<CnnMulticlassTrainer.Options>)(o => o.LearningRate = float.NaN), "finite number > 0"],
        ["LearningRate", (Action<CnnMulticlassTrainer.Options>)(o => o.Optimizer = new Sgd(0.1f)), "set one of them"],
        ["WeightDecay", (Action<CnnMulticlassTrainer.Options>)(o => o.WeightDecay = -1f), ">= 0"],
        ["WeightDecay", (Action<CnnMulticlassTrainer.Options>)(o => { o.LearningRate = null; o.WeightDecay = 0.1f; o.Optimizer = new Sgd(0.1f) { WeightDecay = 0.1f }; }), "set it in one place"],
        ["ValidationSetFraction", (Action<CnnMulticlassTrainer.Options>)(o => o.ValidationSetFraction = 1f), "[0, 1)"],
        ["ValidationSetFraction", (Action<CnnMulticlassTrainer.Options>)(o => { o.ValidationSetFraction = 0.1f; o.ValidationSet = new MLContext(1).Data.LoadFromEnumerable(QuadrantData.Rows(3)); }), "use one of them"],
        ["EarlyStopping", (Action<CnnMulticlassTrainer.Options>)(o => o.EarlyStopping = new EarlyStoppingOptions()), "set ValidationSet or ValidationSetFraction"],
        ["Patience", (Action<CnnMulticlassTrainer.Options>)(o => { o.ValidationSetFraction = 0.1f; o.EarlyStopping = new EarlyStoppingOptions { Patience = 0 }; }), "epochs >= 1"],
        ["Backend", (Action<CnnMulticlassTrainer.Options>)(o => o.Backend = (BackendKind)7), "Auto, Managed or OneDnn"],
        ["NumberOfThreads", (Action<CnnMulticlassTrainer.Options>)(o => o.NumberOfThreads = 0), "null for every core"],
        ["FrozenLayers", (Action<CnnMulticlassTrainer.Options>)(o => o.FrozenLayers = [""]), "layer names"],
        ["TrainableLayers", (Action<CnnMulticlassTrainer.Options>)(o => o.TrainableLayers = [""]), "layer names"],
        ["TrainableLayers", (Action<CnnMulticlassTrainer.Options>)(o => { o.TrainableLayers = ["head"]; o.FrozenLayers = ["conv"]; }), "not both"],
        ["ShufflePoolSize", (Action<CnnMulticlassTrainer.Options>)(o => o.ShufflePoolSize = 0), "at least 1 row"],
        ["ScoringBatchSize", (Action<CnnMulticlassTrainer.Options>)(o => o.ScoringBatchSize = 0), "e.g. 256"],
        ["PredictedLabelColumnName", (Action<CnnMulticlassTrainer.Options>)(o => o.PredictedLabelColumnName = "Score"), "must differ"],
        ["ClassWeights", (Action<CnnMulticlassTrainer.Options>)(o => o.ClassWeights = [1f, -1f, 1f]), "finite numbers >= 0"],
        ["ClassWeights", (Action<CnnMulticlassTrainer.Options>)(o => o.ClassWeights = [0f, 0f, 0f]), "positive weights"],
        ["LabelSmoothing", (Action<CnnMulticlassTrainer.Options>)(o => o.LabelSmoothing = 1f), "[0, 1)"],
    ];

    [TestMethod]
    [DynamicData(nameof(InvalidOptions))]
    public void Create_InvalidOption_FailsNamingItAndTheFix(string option, Action<CnnMulticlassTrainer.Options> spoil, string fix)
    {
        var options = QuadrantData.Options(spoil);

        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext(1).MulticlassClassification.Trainers.Cnn(options));

        Assert.AreEqual(option, error.ParamName);
        StringAssert.Contains(error.Message, fix);
    }

    [TestMethod]
    public void Create_BinaryProbabilityColumnClash_Fails()
    {
        var options = QuadrantData.Options<CnnBinaryTrainer.Options>(o => o.ProbabilityColumnName = "Score");

        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext(1).BinaryClassification.Trainers.Cnn(options));

        Assert.AreEqual("ProbabilityColumnName", error.ParamName);
    }

    [TestMethod]
    public void Create_Defaults_AreValidAndMatchMLNetNames()
    {
        var options = new CnnMulticlassTrainer.Options();

        var trainer = new MLContext(1).MulticlassClassification.Trainers.Cnn(options);

        Assert.AreEqual(("Label", "Features", "Score", "PredictedLabel"), (options.LabelColumnName, options.FeatureColumnName, options.ScoreColumnName, options.PredictedLabelColumnName));
        Assert.AreEqual((10, 32, 256, BackendKind.Auto), (options.MaxEpoch, options.BatchSize, options.ScoringBatchSize, options.Backend));
        Assert.IsNotNull(trainer);
    }
}
