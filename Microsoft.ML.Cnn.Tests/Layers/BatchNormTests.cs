using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Ops;
using static Microsoft.ML.Cnn.Tests.Layers.LayerTestHelpers;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class BatchNormTests
{
    [TestMethod]
    public void Build_Parameters_RolesShapesAndInitialValues()
    {
        var layer = new BatchNorm();
        Apply(layer, 5, 4, 4);
        Assert.AreEqual(20, ParameterCount(layer));
        CollectionAssert.AreEqual(new[] { ParameterRole.Scale, ParameterRole.Shift, ParameterRole.RunningMean, ParameterRole.RunningVariance },
            layer.Parameters.Select(p => p.Role).ToArray());
        Assert.IsTrue(layer.Parameters.All(p => p.Shape == new Shape(5)));
        Assert.IsTrue(layer.Gamma!.Data.All(v => v == 1f) && layer.Beta!.Data.All(v => v == 0f));
        Assert.IsTrue(layer.RunningMean!.Data.All(v => v == 0f) && layer.RunningVariance!.Data.All(v => v == 1f));
        Assert.IsTrue(layer.Gamma.RequiresGradient && layer.Beta.RequiresGradient);
        Assert.IsFalse(layer.RunningMean.RequiresGradient || layer.RunningVariance.RequiresGradient);
    }

    [TestMethod]
    public void BuildGraph_Training_UsesBatchStatisticsAndRegistersUpdate()
    {
        var layer = new BatchNorm(momentum: 0.2f, epsilon: 1e-3f);
        var graph = Apply(layer, 3, 4, 4).BuildGraph(NetworkMode.Training);
        Assert.AreEqual(new BatchNormTraining(1e-3f), graph.Graph.Nodes.Select(n => n.Op).OfType<BatchNormTraining>().Single());
        var update = graph.Context.BatchStatistics.Single();
        Assert.AreSame(layer.RunningMean, update.RunningMean);
        Assert.AreSame(layer.RunningVariance, update.RunningVariance);
        Assert.AreEqual(0.2f, update.Momentum);
        Assert.AreEqual(1, update.BatchMean.OutputIndex);
        Assert.AreEqual(2, update.BatchVariance.OutputIndex);
    }

    [TestMethod]
    public void BuildGraph_Inference_UsesRunningStatistics()
    {
        var graph = Apply(new BatchNorm(), 6).BuildGraph(NetworkMode.Inference);
        Assert.AreEqual(1, graph.Graph.Nodes.Count(n => n.Op is BatchNormInference));
        Assert.IsEmpty(graph.Context.BatchStatistics);
    }

    [TestMethod]
    public void BuildGraph_FrozenLayerInTraining_UsesRunningStatistics()
    {
        var layer = new BatchNorm();
        var network = Apply(layer, 3, 4, 4);
        layer.Trainable = false;
        var graph = network.BuildGraph(NetworkMode.Training);
        Assert.IsFalse(graph.Graph.Nodes.Any(n => n.Op is BatchNormTraining));
        Assert.AreEqual(1, graph.Graph.Nodes.Count(n => n.Op is BatchNormInference));
        Assert.IsEmpty(graph.Context.BatchStatistics);
        Assert.IsTrue(layer.Parameters.All(p => !p.RequiresGradient));
    }

    [TestMethod]
    public void Call_Rank3Input_FailsNamingLayer()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Apply(new BatchNorm(name: "bn"), 3, 4));
        Assert.AreEqual("bn", e.LayerName);
    }

    [TestMethod]
    public void Constructor_BadMomentumOrEpsilon_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BatchNorm(momentum: 1.5f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BatchNorm(epsilon: 0f));
    }
}
