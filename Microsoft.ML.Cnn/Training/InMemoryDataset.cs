// A training set held in two float arrays, and index views over it (for validation splits).
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Training;

/// <summary>Samples and labels in memory: features [Count, ...SampleShape], labels [Count, ...LabelShape].</summary>
public sealed class InMemoryDataset : ITrainingData
{
    private readonly float[] _features;
    private readonly float[] _labels;

    /// <param name="features">Row-major features, Count * SampleShape.ElementCount values.</param>
    /// <param name="sampleShape">Per-sample shape, e.g. (1, 28, 28).</param>
    /// <param name="labels">One label per sample (class index) or Count * labelShape.ElementCount values.</param>
    /// <param name="labelShape">Per-sample label shape; () (the default) for class indices.</param>
    public InMemoryDataset(float[] features, Shape sampleShape, float[] labels, Shape? labelShape = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        var label = labelShape ?? Shape.Scalar;
        if (sampleShape.Rank == 0 || sampleShape.HasSymbolicBatch || sampleShape.ElementCount == 0)
            throw new ArgumentException($"The sample shape {sampleShape} must list the concrete per-sample dimensions, e.g. (1, 28, 28), without the batch.", nameof(sampleShape));
        if (label.HasSymbolicBatch) throw new ArgumentException($"The label shape {label} must be per sample, without the batch.", nameof(labelShape));
        int sampleSize = sampleShape.ElementCount, labelSize = label.ElementCount;
        if (features.Length % sampleSize != 0)
            throw new ArgumentException($"{features.Length} feature values are not a whole number of samples of shape {sampleShape} ({sampleSize} values each).", nameof(features));
        int count = features.Length / sampleSize;
        if (count == 0) throw new ArgumentException("The dataset is empty; give at least one sample.", nameof(features));
        if (labels.Length != count * labelSize)
            throw new ArgumentException($"{count} samples need {count * labelSize} label values (label shape {label}), got {labels.Length}.", nameof(labels));
        for (int i = 0; i < labels.Length; i++)
        {
            if (!float.IsFinite(labels[i])) throw new ArgumentException($"Label {i} is {labels[i]}; labels must be finite.", nameof(labels));
        }
        _features = features;
        _labels = labels;
        Count = count;
        SampleShape = sampleShape;
        LabelShape = label;
    }

    public int Count { get; }

    public Shape SampleShape { get; }

    public Shape LabelShape { get; }

    /// <summary>The features array (not copied).</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>The labels array (not copied).</summary>
    public ReadOnlySpan<float> Labels => _labels;

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> features, Span<float> labels)
    {
        int sampleSize = _features.Length / Count, labelSize = _labels.Length / Count;
        BatchCopy.CheckDestinations(indices.Length, sampleSize, labelSize, features.Length, labels.Length);
        for (int i = 0; i < indices.Length; i++)
        {
            int index = indices[i];
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(indices), index, $"Sample index must be in [0, {Count}).");
            _features.AsSpan(index * sampleSize, sampleSize).CopyTo(features.Slice(i * sampleSize, sampleSize));
            _labels.AsSpan(index * labelSize, labelSize).CopyTo(labels.Slice(i * labelSize, labelSize));
        }
    }

    /// <summary>The first <paramref name="count"/> samples, copied.</summary>
    public InMemoryDataset Take(int count)
    {
        if (count < 1 || count > Count) throw new ArgumentOutOfRangeException(nameof(count), count, $"Take between 1 and {Count} samples.");
        int sampleSize = _features.Length / Count, labelSize = _labels.Length / Count;
        return new InMemoryDataset(_features[..(count * sampleSize)], SampleShape, _labels[..(count * labelSize)], LabelShape);
    }
}

/// <summary>Checks shared by the batch copiers.</summary>
internal static class BatchCopy
{
    public static void CheckDestinations(int count, int sampleSize, int labelSize, int featureLength, int labelLength)
    {
        if (featureLength != count * sampleSize)
            throw new ArgumentException($"The feature destination holds {featureLength} values; {count} samples need {count * sampleSize}.", "features");
        if (labelLength != count * labelSize)
            throw new ArgumentException($"The label destination holds {labelLength} values; {count} samples need {count * labelSize}.", "labels");
    }
}
