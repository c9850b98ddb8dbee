// The user-facing losses: label shapes, the op each emits, and accuracy counting.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Losses;

[TestClass]
public sealed class LossTests
{
    [TestMethod]
    public void SoftmaxCrossEntropy_Emit_UsesTheOpWithItsSettings()
    {
        var graph = new ComputationGraph();
        var logits = graph.Emit(new Placeholder("x", Shape.Batched(3)));
        var labels = graph.Emit(new Placeholder("y", Shape.Batched()));
        var weights = graph.Emit(new Placeholder("w", Shape.Batched()));
        var loss = new SoftmaxCrossEntropyLoss(0.1f, [1f, 2f, 3f]);

        var value = loss.Emit(graph, logits, labels, weights);

        var op = (SoftmaxCrossEntropy)value.Producer.Op;
        Assert.AreEqual(0.1f, op.LabelSmoothing);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, op.ClassWeights);
        Assert.AreEqual(3, value.Producer.Inputs.Count);
        Assert.AreEqual(Shape.Scalar, value.Shape);
    }

    [TestMethod]
    public void SoftmaxCrossEntropy_LabelSampleShape_IsScalarClassIndex() =>
        Assert.AreEqual(Shape.Scalar, new SoftmaxCrossEntropyLoss().LabelSampleShape(new Shape(10)));

    [TestMethod]
    public void SoftmaxCrossEntropy_ImageOutputOrWrongClassWeights_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new SoftmaxCrossEntropyLoss().LabelSampleShape(new Shape(3, 4, 4)));
        Assert.ThrowsExactly<ArgumentException>(() => new SoftmaxCrossEntropyLoss(classWeights: [1f, 1f]).LabelSampleShape(new Shape(3)));
        Assert.ThrowsExactly<ArgumentException>(() => new SoftmaxCrossEntropyLoss(classWeights: [1f, -1f]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SoftmaxCrossEntropyLoss(labelSmoothing: 1f));
    }

    [TestMethod]
    public void SoftmaxCrossEntropy_CountCorrect_ComparesArgMaxWithLabel()
    {
        float[] logits = [0f, 5f, 1f, /**/ 9f, 0f, 0f, /**/ 0f, 0f, 1f];
        float[] labels = [1f, 2f, 2f];

        Assert.AreEqual(2, new SoftmaxCrossEntropyLoss().CountCorrect(logits, labels, 3));
    }

    [TestMethod]
    public void SigmoidBinaryCrossEntropy_EmitAndCount_UseLogitSign()
    {
        var graph = new ComputationGraph();
        var logits = graph.Emit(new Placeholder("x", Shape.Batched(1)));
        var loss = new SigmoidBinaryCrossEntropyLoss();
        var labels = graph.Emit(new Placeholder("y", Shape.Batched([.. loss.LabelSampleShape(new Shape(1))])));

        Assert.IsInstanceOfType<SigmoidCrossEntropy>(loss.Emit(graph, logits, labels).Producer.Op);
        Assert.AreEqual(2, loss.CountCorrect([2f, -1f, 0.5f], [1f, 0f, 0f], 3));
        Assert.ThrowsExactly<ArgumentException>(() => loss.LabelSampleShape(new Shape(2)));
    }

    [TestMethod]
    public void MeanSquaredError_LabelsMatchOutput_AndNoAccuracy()
    {
        var loss = new MeanSquaredErrorLoss();
        var graph = new ComputationGraph();
        var output = graph.Emit(new Placeholder("x", Shape.Batched(4)));
        var targets = graph.Emit(new Placeholder("y", Shape.Batched(4)));

        Assert.AreEqual(new Shape(4), loss.LabelSampleShape(new Shape(4)));
        Assert.IsInstanceOfType<MeanSquaredError>(loss.Emit(graph, output, targets).Producer.Op);
        Assert.IsFalse(loss.HasAccuracy);
        Assert.ThrowsExactly<NotSupportedException>(() => loss.CountCorrect([1f], [1f], 1));
    }

    [TestMethod]
    public void ArgMax_Ties_PicksFirst() => Assert.AreEqual(1, Classification.ArgMax([0f, 3f, 3f]));
}
