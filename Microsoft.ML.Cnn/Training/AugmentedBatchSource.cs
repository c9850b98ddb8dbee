// Training-time augmentation for streamed batches: each batch read from the inner source is passed through the
// same AugmentedTrainingData code that augments in-memory data, so both paths transform images identically.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Training;

/// <summary>A batch source whose feature batches are augmented (seeded) as they are read. Training data only.</summary>
internal sealed class AugmentedBatchSource : IBatchSource
{
    private readonly IBatchSource _inner;
    private readonly StagedBatch _staged;
    private readonly AugmentedTrainingData _augmented;
    private readonly int[] _identity;

    /// <param name="inner">The samples to augment.</param>
    /// <param name="augmentation">What to apply; validated against the sample shape here.</param>
    /// <param name="random">Draws the transformations.</param>
    /// <param name="batchSize">The largest batch the trainer reads.</param>
    public AugmentedBatchSource(IBatchSource inner, ImageAugmentation augmentation, SeededRandom random, int batchSize)
    {
        _inner = inner;
        _staged = new StagedBatch(inner.SampleShape, inner.LabelShape, batchSize);
        _augmented = new AugmentedTrainingData(_staged, augmentation, random);
        _identity = new int[batchSize];
        for (int i = 0; i < batchSize; i++) _identity[i] = i;
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
            var staged = source._staged;
            int sampleSize = staged.SampleShape.ElementCount, labelSize = staged.LabelShape.ElementCount;
            int capacity = Math.Min(features.Length / sampleSize, source._identity.Length);
            int count = inner.Read(staged.Features.AsSpan(0, capacity * sampleSize), staged.Labels.AsSpan(0, capacity * labelSize), weights);
            if (count > 0)
                source._augmented.CopyBatch(source._identity.AsSpan(0, count), features[..(count * sampleSize)], labels[..(count * labelSize)]);
            return count;
        }

        public void Dispose() => inner.Dispose();
    }

    /// <summary>The batch just read, as index-addressed data (sample i at index i) for the augmentation wrapper.</summary>
    private sealed class StagedBatch(Shape sampleShape, Shape labelShape, int capacity) : ITrainingData
    {
        public float[] Features { get; } = new float[capacity * sampleShape.ElementCount];

        public float[] Labels { get; } = new float[capacity * labelShape.ElementCount];

        public int Count => capacity;

        public Shape SampleShape => sampleShape;

        public Shape LabelShape => labelShape;

        public void CopyBatch(ReadOnlySpan<int> indices, Span<float> features, Span<float> labels)
        {
            int sampleSize = sampleShape.ElementCount, labelSize = labelShape.ElementCount;
            for (int i = 0; i < indices.Length; i++)
            {
                Features.AsSpan(indices[i] * sampleSize, sampleSize).CopyTo(features.Slice(i * sampleSize, sampleSize));
                Labels.AsSpan(indices[i] * labelSize, labelSize).CopyTo(labels.Slice(i * labelSize, labelSize));
            }
        }
    }
}
