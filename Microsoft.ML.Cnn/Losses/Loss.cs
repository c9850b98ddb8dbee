// The user-facing choice of loss: which op to emit on the network's output, what labels it needs, and how
// predictions count as correct (for accuracy).
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Losses;

/// <summary>
/// A training objective. It emits its loss op on the network output and says which per-sample label shape it
/// needs. To write one: implement the three abstract members over an existing loss op.
/// </summary>
public abstract class Loss
{
    /// <summary>The per-sample label shape for a per-sample network output of shape <paramref name="outputSampleShape"/>.</summary>
    /// <exception cref="ArgumentException">The output cannot be trained with this loss.</exception>
    public abstract Shape LabelSampleShape(Shape outputSampleShape);

    /// <summary>What the labels must hold, for error messages and docs, e.g. "class indices 0..K-1".</summary>
    public abstract string LabelDescription { get; }

    /// <summary>Emits the scalar loss of <paramref name="output"/> against <paramref name="labels"/>, weighting samples by <paramref name="sampleWeights"/> ([N]) when given.</summary>
    public abstract Value Emit(ComputationGraph graph, Value output, Value labels, Value? sampleWeights = null);

    /// <summary>Whether <see cref="CountCorrect"/> is meaningful (false for regression losses).</summary>
    public virtual bool HasAccuracy => false;

    /// <summary>Number of samples among <paramref name="count"/> whose prediction matches its label.</summary>
    /// <param name="outputs">Network outputs, [count, outputSampleSize].</param>
    /// <param name="labels">Labels, [count, labelSampleSize].</param>
    /// <param name="count">Samples in the batch.</param>
    public virtual int CountCorrect(ReadOnlySpan<float> outputs, ReadOnlySpan<float> labels, int count) =>
        throw new NotSupportedException($"{GetType().Name} has no notion of a correct prediction; check HasAccuracy first.");

    public abstract override string ToString();
}
