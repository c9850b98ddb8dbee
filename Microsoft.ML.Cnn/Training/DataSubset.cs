// A view of some samples of another data source, by index: how a validation split is carved out.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Training;

/// <summary>The samples of <see cref="Source"/> at the given indices, in that order. Not thread-safe (it reuses a scratch buffer).</summary>
public sealed class DataSubset : ITrainingData
{
    private readonly int[] _indices;
    private int[] _scratch = [];

    public DataSubset(ITrainingData source, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (indices.IsEmpty) throw new ArgumentException("A subset needs at least one index.", nameof(indices));
        foreach (int index in indices)
            if ((uint)index >= (uint)source.Count) throw new ArgumentOutOfRangeException(nameof(indices), index, $"Index must be in [0, {source.Count}).");
        Source = source;
        _indices = indices.ToArray();
    }

    public ITrainingData Source { get; }

    public int Count => _indices.Length;

    public Shape SampleShape => Source.SampleShape;

    public Shape LabelShape => Source.LabelShape;

    /// <summary>The source index of each sample.</summary>
    public ReadOnlySpan<int> Indices => _indices;

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> features, Span<float> labels)
    {
        if (_scratch.Length < indices.Length) _scratch = new int[indices.Length];
        var mapped = _scratch.AsSpan(0, indices.Length);
        for (int i = 0; i < indices.Length; i++)
        {
            int index = indices[i];
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(indices), index, $"Sample index must be in [0, {Count}).");
            mapped[i] = _indices[index];
        }
        Source.CopyBatch(mapped, features, labels);
    }

    /// <summary>
    /// Splits <paramref name="data"/> at random (seeded) into a training part and a validation part holding
    /// round(fraction * Count) samples.
    /// </summary>
    public static (DataSubset Train, DataSubset Validation) Split(ITrainingData data, double validationFraction, long seed)
    {
        if (!(validationFraction is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "The validation fraction must be in (0, 1), e.g. 0.1.");
        int validationCount = (int)Math.Round(validationFraction * data.Count);
        if (validationCount < 1 || validationCount >= data.Count)
            throw new ArgumentException($"A validation fraction of {validationFraction} of {data.Count} samples leaves {validationCount} for validation and {data.Count - validationCount} for training; each needs at least one.", nameof(validationFraction));
        var order = new int[data.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        new Numerics.SeededRandom(seed).Shuffle(order);
        return (new DataSubset(data, order.AsSpan(validationCount)), new DataSubset(data, order.AsSpan(0, validationCount)));
    }
}
