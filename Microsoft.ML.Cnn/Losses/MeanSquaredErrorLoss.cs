// Regression: mean squared error between the network output and targets of the same shape.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Losses;

/// <summary>Mean squared error (PyTorch's MSELoss, mean reduction). Labels have the output's per-sample shape. No accuracy.</summary>
public sealed class MeanSquaredErrorLoss : Loss
{
    public override string LabelDescription => "targets with the output's shape";

    public override Shape LabelSampleShape(Shape outputSampleShape) => outputSampleShape;

    public override Value Emit(ComputationGraph graph, Value output, Value labels, Value? sampleWeights = null) =>
        sampleWeights is null
            ? graph.Emit(new MeanSquaredError(), output, labels)
            : graph.Emit(new MeanSquaredError(), output, labels, sampleWeights);

    public override string ToString() => "mean squared error";
}
