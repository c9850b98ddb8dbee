// Training-time image augmentation: random horizontal flips and random translations (a random crop of the image
// padded with zeros). Applied by the trainer to training batches only, never to validation or prediction.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Training;

/// <summary>Random transformations of [C, H, W] training images, drawn anew every time a sample is batched.</summary>
/// <param name="HorizontalFlip">Mirror each image left-right with probability 1/2 (right for most photos and clothing, wrong for digits and text).</param>
/// <param name="MaxTranslation">
/// Shift each image by a uniform whole number of pixels in [-MaxTranslation, MaxTranslation] along each axis, filling
/// with zeros: the same as padding by MaxTranslation and cropping back to the original size at a random position.
/// </param>
public sealed record ImageAugmentation(bool HorizontalFlip = false, int MaxTranslation = 0)
{
    /// <summary>Checks the settings against a sample shape, with messages that say how to fix them.</summary>
    public void Validate(Shape sampleShape)
    {
        if (sampleShape.Rank != 3)
            throw new ArgumentException($"Image augmentation works on [C, H, W] samples; these samples are {sampleShape}. Remove the augmentation or reshape the data.");
        if (MaxTranslation < 0 || MaxTranslation >= Math.Min(sampleShape[1], sampleShape[2]))
            throw new ArgumentException($"MaxTranslation {MaxTranslation} must be in [0, {Math.Min(sampleShape[1], sampleShape[2]) - 1}] for {sampleShape[1]}x{sampleShape[2]} images.");
    }
}

/// <summary>Wraps training data so every batch it copies is augmented; deterministic for a seed.</summary>
internal sealed class AugmentedTrainingData : ITrainingData
{
    private readonly ITrainingData _inner;
    private readonly ImageAugmentation _augmentation;
    private readonly SeededRandom _random;
    private readonly float[] _scratch;

    public AugmentedTrainingData(ITrainingData inner, ImageAugmentation augmentation, SeededRandom random)
    {
        augmentation.Validate(inner.SampleShape);
        _inner = inner;
        _augmentation = augmentation;
        _random = random;
        _scratch = new float[inner.SampleShape.ElementCount];
    }

    public int Count => _inner.Count;

    public Shape SampleShape => _inner.SampleShape;

    public Shape LabelShape => _inner.LabelShape;

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> features, Span<float> labels)
    {
        _inner.CopyBatch(indices, features, labels);
        int size = _scratch.Length;
        for (int i = 0; i < indices.Length; i++) Augment(features.Slice(i * size, size));
    }

    /// <summary>Flips and shifts one [C, H, W] image in place.</summary>
    private void Augment(Span<float> image)
    {
        int channels = SampleShape[0], height = SampleShape[1], width = SampleShape[2];
        bool flip = _augmentation.HorizontalFlip && (_random.NextUInt32() & 1) == 1;
        int max = _augmentation.MaxTranslation;
        int dy = max > 0 ? _random.NextInt(2 * max + 1) - max : 0;
        int dx = max > 0 ? _random.NextInt(2 * max + 1) - max : 0;
        if (!flip && dx == 0 && dy == 0) return;

        image.CopyTo(_scratch);
        for (int c = 0; c < channels; c++)
        {
            for (int y = 0; y < height; y++)
            {
                int sourceY = y - dy;
                var row = image.Slice((c * height + y) * width, width);
                if (sourceY < 0 || sourceY >= height) { row.Clear(); continue; }
                var source = _scratch.AsSpan((c * height + sourceY) * width, width);
                for (int x = 0; x < width; x++)
                {
                    int sourceX = x - dx;
                    if (flip) sourceX = width - 1 - sourceX; // shift the mirrored image
                    row[x] = sourceX >= 0 && sourceX < width ? source[sourceX] : 0f;
                }
            }
        }
    }
}
