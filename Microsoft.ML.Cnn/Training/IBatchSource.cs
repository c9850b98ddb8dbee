// What the trainer's epoch loop reads: a source of labelled batches, one forward pass per epoch. In-memory data
// (ITrainingData) is one such source; the ML.NET trainers stream data views through another.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Training;

/// <summary>
/// Labelled samples read in passes, a batch at a time, in canonical row-major layout. Unlike
/// <see cref="ITrainingData"/> a source need not be addressable by index, so it can stream rows it never holds all
/// at once; it decides its own order (shuffled or not) for each pass.
/// </summary>
public interface IBatchSource
{
    /// <summary>Per-sample feature shape, e.g. (1, 28, 28).</summary>
    Shape SampleShape { get; }

    /// <summary>Per-sample label shape: () for a class index, (K) for targets.</summary>
    Shape LabelShape { get; }

    /// <summary>Whether the source gives a weight per sample (the loss is then the weighted mean).</summary>
    bool HasSampleWeights { get; }

    /// <summary>
    /// Samples per pass when known: exact for in-memory data and for streams after a finished pass; before that a
    /// stream may give an upper estimate (its row count), or null when it cannot tell.
    /// </summary>
    long? Count { get; }

    /// <summary>Starts pass <paramref name="epoch"/> (0-based; it seeds the pass's order when the source shuffles).</summary>
    IBatchReader Open(int epoch);
}

/// <summary>One pass over an <see cref="IBatchSource"/>.</summary>
public interface IBatchReader : IDisposable
{
    /// <summary>
    /// Copies up to <c>features.Length / SampleShape.ElementCount</c> next samples into <paramref name="features"/>,
    /// their labels into <paramref name="labels"/> and, when the source has them, their weights into
    /// <paramref name="weights"/> (empty otherwise); returns how many, 0 once the pass is over. A batch is short only
    /// at the end of the pass. Should not allocate.
    /// </summary>
    int Read(Span<float> features, Span<float> labels, Span<float> weights);
}
