// Multiclass classification: softmax cross-entropy on logits with integral class labels.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Losses;

/// <summary>
/// Cross-entropy of softmax(logits) against class indices, optionally with label smoothing and class weights
/// (PyTorch's CrossEntropyLoss). The network outputs logits [N, K] (no softmax layer); labels are [N] class indices
/// stored as integral floats.
/// </summary>
public sealed class SoftmaxCrossEntropyLoss : Loss
{
    /// <param name="labelSmoothing">Mass moved from the true class to a uniform distribution, in [0, 1).</param>
    /// <param name="classWeights">Per-class weight of a sample (length K), or null for equal weights.</param>
    public SoftmaxCrossEntropyLoss(float labelSmoothing = 0f, float[]? classWeights = null)
    {
        if (!(labelSmoothing is >= 0f and < 1f)) throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "Label smoothing must be in [0, 1), e.g. 0.1.");
        if (classWeights is not null)
        {
            foreach (float w in classWeights)
                if (!(w >= 0f) || float.IsInfinity(w)) throw new ArgumentException($"Class weight {w} is invalid; class weights are finite numbers >= 0.", nameof(classWeights));
        }
        LabelSmoothing = labelSmoothing;
        ClassWeights = classWeights?.ToArray();
    }

    public float LabelSmoothing { get; }

    public IReadOnlyList<float>? ClassWeights { get; }

    public override string LabelDescription => "class indices 0..K-1, one per sample";

    public override bool HasAccuracy => true;

    public override Shape LabelSampleShape(Shape outputSampleShape)
    {
        if (outputSampleShape.Rank != 1)
            throw new ArgumentException($"Softmax cross-entropy needs logits [N, classes]; the network's per-sample output is {outputSampleShape}. End the network with Flatten and Dense(classes).", nameof(outputSampleShape));
        if (ClassWeights is not null && ClassWeights.Count != outputSampleShape[0])
            throw new ArgumentException($"{ClassWeights.Count} class weights were given for a network with {outputSampleShape[0]} outputs; give one weight per class.", nameof(outputSampleShape));
        return Shape.Scalar;
    }

    public override Value Emit(ComputationGraph graph, Value output, Value labels, Value? sampleWeights = null)
    {
        var op = new SoftmaxCrossEntropy(LabelSmoothing, ClassWeights?.ToArray());
        return sampleWeights is null ? graph.Emit(op, output, labels) : graph.Emit(op, output, labels, sampleWeights);
    }

    public override int CountCorrect(ReadOnlySpan<float> outputs, ReadOnlySpan<float> labels, int count)
    {
        int classes = outputs.Length / count, correct = 0;
        for (int n = 0; n < count; n++)
            if (Classification.ArgMax(outputs.Slice(n * classes, classes)) == (int)labels[n]) correct++;
        return correct;
    }

    public override string ToString() => LabelSmoothing > 0f ? $"softmax cross-entropy (smoothing {LabelSmoothing})" : "softmax cross-entropy";
}
