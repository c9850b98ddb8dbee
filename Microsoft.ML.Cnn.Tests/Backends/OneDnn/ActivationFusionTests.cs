// Which activations fold into the convolution or dense step before them.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Backends.OneDnn;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Backends.OneDnn;

[TestClass]
public sealed class ActivationFusionTests
{
    private static (ComputationGraph Graph, Value X, Node Dense, Node Activation) DenseThen(EltwiseFunction function, float alpha = 0f)
    {
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(5)));
        var w = graph.Emit(new Placeholder("w", new Shape(3, 5)));
        var dense = graph.EmitNode(new Dense(false), [x, w]);
        var activation = graph.EmitNode(new Eltwise(function, alpha), [dense.Outputs[0]]);
        return (graph, x, dense, activation);
    }

    [TestMethod]
    public void Create_DenseThenReluWithBackward_FoldsReluAndItsBackwardReadsTheOutput()
    {
        var (graph, x, dense, relu) = DenseThen(EltwiseFunction.Relu);
        var loss = graph.Emit(new MeanSquaredError(), relu.Outputs[0], graph.Emit(new Placeholder("t", Shape.Batched(3))));
        var dx = ReverseMode.Gradients(graph, loss, [x])[0];

        var fusion = new ActivationFusion(ExecutionPlan.Create(graph, 2, [loss, dx]));

        Assert.AreSame(relu, fusion.ActivationOf(dense));
        Assert.IsTrue(fusion.IsFolded(relu));
        Assert.IsTrue(graph.Nodes.Where(n => n.Op is EltwiseBackward).All(fusion.ReadsFoldedInput));
    }

    [TestMethod]
    public void Create_PreActivationIsAnOutput_DoesNotFold()
    {
        var (graph, _, dense, relu) = DenseThen(EltwiseFunction.Relu);

        var fusion = new ActivationFusion(ExecutionPlan.Create(graph, 2, [relu.Outputs[0], dense.Outputs[0]]));

        Assert.IsNull(fusion.ActivationOf(dense));
        Assert.IsFalse(fusion.IsFolded(relu));
    }

    [TestMethod]
    public void Create_LeakyReluWithNegativeSlope_DoesNotFold()
    {
        var (graph, _, dense, relu) = DenseThen(EltwiseFunction.LeakyRelu, -0.5f);

        var fusion = new ActivationFusion(ExecutionPlan.Create(graph, 2, [relu.Outputs[0]]));

        Assert.IsNull(fusion.ActivationOf(dense));
    }
}
