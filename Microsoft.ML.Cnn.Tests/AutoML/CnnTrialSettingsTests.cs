// CnnTrialSettings: the network it builds, the optimizer and weight decay it implies, and its printed form.
using Microsoft.ML.Cnn.AutoML;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Tests.Trainers;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class CnnTrialSettingsTests
{
    [TestMethod]
    [DataRow(OptimizerKind.Adam, typeof(Adam))]
    [DataRow(OptimizerKind.AdamW, typeof(AdamW))]
    [DataRow(OptimizerKind.SgdNesterov, typeof(Sgd))]
    [DataRow(OptimizerKind.RmsProp, typeof(RmsProp))]
    public void CreateOptimizer_EachKind_AtTheLearningRate(OptimizerKind kind, Type expected)
    {
        var optimizer = new CnnTrialSettings { Optimizer = kind, LearningRate = 0.004f }.CreateOptimizer();

        Assert.AreEqual(expected, optimizer.GetType());
        Assert.AreEqual(0.004f, optimizer.LearningRate);
    }

    [TestMethod]
    public void WeightDecay_AdamWDecouplesIt_OthersAddItToTheGradient()
    {
        var adamW = new CnnTrialSettings { Optimizer = OptimizerKind.AdamW, WeightDecay = 0.01f };
        var adam = adamW with { Optimizer = OptimizerKind.Adam };

        Assert.AreEqual(0.01f, ((AdamW)adamW.CreateOptimizer()).DecoupledWeightDecay);
        Assert.AreEqual(0f, adamW.CoupledWeightDecay);
        Assert.AreEqual(0.01f, adam.CoupledWeightDecay);
    }

    [TestMethod]
    public void BlockFilters_DoublePerBlock()
    {
        CollectionAssert.AreEqual(new[] { 16, 32, 64 }, new CnnTrialSettings { ConvBlocks = 3, Filters = 16 }.BlockFilters.ToArray());
    }

    [TestMethod]
    public void ToString_ShowsNetworkAndTraining()
    {
        var settings = new CnnTrialSettings
        {
            ConvBlocks = 2, Filters = 32, ConvLayersPerBlock = 2, KernelSize = 3, BatchNorm = true, Dropout = 0.25f, DenseUnits = 128,
            Optimizer = OptimizerKind.AdamW, LearningRate = 2e-3f, WeightDecay = 1e-4f, BatchSize = 64, Augmentation = AugmentationKind.HorizontalFlip,
        };

        Assert.AreEqual("conv 32-64 x2 k3 bn, dense 128, drop 0.25 | AdamW lr 2.0e-3 wd 1.0e-4, batch 64, aug flip", settings.ToString());
    }

    [TestMethod]
    public void ToArchitecture_TrainerFitsTheDescribedNetwork()
    {
        var settings = new CnnTrialSettings { ConvBlocks = 2, Filters = 8, ConvLayersPerBlock = 1, BatchNorm = false, Dropout = 0f, DenseUnits = 16 };
        var ml = new MLContext(1);
        var rows = ml.Data.LoadFromEnumerable(QuadrantData.Rows(30));
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(rows).Transform(rows);

        var model = ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options<CnnMulticlassTrainer.Options>(o =>
        {
            o.Architecture = settings.ToArchitecture(seed: 3);
            o.MaxEpoch = 1;
        })).Fit(keyed);

        CollectionAssert.AreEqual(new[] { "block1_conv1", "block1_pool", "block2_conv1", "block2_pool", "flatten", "dense", "output" },
            model.Network.Layers.Select(l => l.Name).ToArray());
        Assert.AreEqual(new Cnn.Graph.Shape(3), model.Network.OutputShape);
    }
}
