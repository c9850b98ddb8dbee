// Training data whose batches come out augmented: the trainer's wrapper around ITrainingData when an
// ImageAugmentation is set (TrainerOptions.Augmentation).
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Training;

/// <summary>Wraps training data so every batch it copies is augmented; deterministic for a seed.</summary>
internal sealed class AugmentedTrainingData : ITrainingData
{
    private readonly ITrainingData _inner;
    private readonly ImageAugmentation _augmentation;
    private readonly SeededRandom _random;

    public AugmentedTrainingData(ITrainingData inner, ImageAugmentation augmentation, SeededRandom random)
    {
        augmentation.Validate(inner.SampleShape);
        _inner = inner;
        _augmentation = augmentation;
        _random = random;
    }

    public int Count => _inner.Count;

    public Shape SampleShape => _inner.SampleShape;

    public Shape LabelShape => _inner.LabelShape;

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> features, Span<float> labels)
    {
        _inner.CopyBatch(indices, features, labels);
        _augmentation.AugmentBatch(features, indices.Length, SampleShape, _random);
    }
}
