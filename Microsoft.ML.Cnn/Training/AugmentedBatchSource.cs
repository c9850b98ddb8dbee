// Training-time augmentation: each batch read from the inner source (streamed, or in-memory data through
// IndexedBatchSource) is augmented in place by ImageAugmentation's batch code.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Training;

/// <summary>A batch source whose feature batches are augmented (seeded) as they are read. Training data only.</summary>
internal sealed class AugmentedBatchSource : IBatchSource
{
    private readonly IBatchSource _inner;
    private readonly ImageAugmentation _augmentation;
    private readonly SeededRandom _random;

    /// <param name="inner">The samples to augment.</param>
    /// <param name="augmentation">What to apply; validated against the sample shape here.</param>
    /// <param name="random">Draws the transformations, in sample order.</param>
    public AugmentedBatchSource(IBatchSource inner, ImageAugmentation augmentation, SeededRandom random)
    {
        augmentation.Validate(inner.SampleShape);
        _inner = inner;
        _augmentation = augmentation;
        _random = random;
    }

    public Shape SampleShape => _inner.SampleShape;

    public Shape LabelShape => _inner.LabelShape;

    public bool HasSampleWeights => _inner.HasSampleWeights;

    public long? Count => _inner.Count;

    public IBatchReader Open(int epoch) => new Reader(this, _inner.Open(epoch));

    private sealed class Reader(AugmentedBatchSource source, IBatchReader inner) : IBatchReader
    {
        public int Read(Span<float> features, Span<float> labels, Span<float> weights)
        {
            int count = inner.Read(features, labels, weights);
            if (count > 0) source._augmentation.AugmentBatch(features, count, source.SampleShape, source._random);
            return count;
        }

        public void Dispose() => inner.Dispose();
    }
}
