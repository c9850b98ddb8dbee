// What the trainer needs from a data source: a count, per-sample shapes, and batches gathered by index.
// The ML.NET pipeline adapter implements this over a data view; InMemoryDataset implements it over arrays.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Training;

/// <summary>Labelled samples addressable by index, copied out in batches in canonical row-major layout.</summary>
public interface ITrainingData
{
    /// <summary>Number of samples.</summary>
    int Count { get; }

    /// <summary>Per-sample feature shape, e.g. (1, 28, 28).</summary>
    Shape SampleShape { get; }

    /// <summary>Per-sample label shape: () for a class index, (K) for targets.</summary>
    Shape LabelShape { get; }

    /// <summary>
    /// Copies the samples at <paramref name="indices"/> into <paramref name="features"/> ([indices.Length, ...SampleShape])
    /// and their labels into <paramref name="labels"/> ([indices.Length, ...LabelShape]). Must not allocate.
    /// </summary>
    void CopyBatch(ReadOnlySpan<int> indices, Span<float> features, Span<float> labels);
}
