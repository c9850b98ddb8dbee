// Binary (or multi-label) classification: sigmoid cross-entropy on logits with targets in [0, 1].
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Losses;

/// <summary>
/// Binary cross-entropy with logits (PyTorch's BCEWithLogitsLoss). The network outputs logits [N] or [N, 1]
/// (no sigmoid layer); labels have the output's shape and hold 0 or 1 (or soft targets in [0, 1]).
/// A prediction counts as correct when (logit &gt; 0) equals (label &gt;= 0.5).
/// </summary>
public sealed class SigmoidBinaryCrossEntropyLoss : Loss
{
    public override string LabelDescription => "targets in [0, 1] with the output's shape";

    public override bool HasAccuracy => true;

    public override Shape LabelSampleShape(Shape outputSampleShape)
    {
        if (outputSampleShape.ElementCount != 1)
            throw new ArgumentException($"Sigmoid binary cross-entropy needs one logit per sample; the network's per-sample output is {outputSampleShape}. End the network with Dense(1).", nameof(outputSampleShape));
        return outputSampleShape;
    }

    public override Value Emit(ComputationGraph graph, Value output, Value labels, Value? sampleWeights = null) =>
        sampleWeights is null
            ? graph.Emit(new SigmoidCrossEntropy(), output, labels)
            : graph.Emit(new SigmoidCrossEntropy(), output, labels, sampleWeights);

    public override int CountCorrect(ReadOnlySpan<float> outputs, ReadOnlySpan<float> labels, int count)
    {
        int correct = 0;
        for (int n = 0; n < count; n++)
            if (outputs[n] > 0f == labels[n] >= 0.5f) correct++;
        return correct;
    }

    public override string ToString() => "sigmoid binary cross-entropy";
}
