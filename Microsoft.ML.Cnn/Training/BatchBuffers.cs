// The trainer's host-side batch: features, labels and weights a batch reader fills, allocated once per source shape;
// and the running (weighted) loss and accuracy sums of an epoch or an evaluation.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Training;

/// <summary>Room for one batch of a source's samples; <see cref="Read"/> fills it from a reader without allocating.</summary>
internal sealed class BatchBuffers
{
    private readonly float[] _features, _labels, _weights;
    private readonly int _sampleSize, _labelSize;

    private BatchBuffers(Shape sampleShape, Shape labelShape, bool weighted, int batchSize)
    {
        SampleShape = sampleShape;
        LabelShape = labelShape;
        BatchSize = batchSize;
        _sampleSize = sampleShape.ElementCount;
        _labelSize = labelShape.ElementCount;
        _features = new float[checked(batchSize * _sampleSize)];
        _labels = new float[checked(batchSize * _labelSize)];
        _weights = weighted ? new float[batchSize] : [];
    }

    public Shape SampleShape { get; }

    public Shape LabelShape { get; }

    public int BatchSize { get; }

    public bool Weighted => _weights.Length > 0;

    /// <summary>The cached buffers when they fit <paramref name="source"/>, else new ones (stored in <paramref name="cached"/>).</summary>
    public static BatchBuffers For(ref BatchBuffers? cached, IBatchSource source, int batchSize)
    {
        if (cached is { } c && c.SampleShape == source.SampleShape && c.LabelShape == source.LabelShape && c.Weighted == source.HasSampleWeights && c.BatchSize == batchSize)
            return c;
        return cached = new BatchBuffers(source.SampleShape, source.LabelShape, source.HasSampleWeights, batchSize);
    }

    /// <summary>Fills the buffers with the next batch; returns its size (0 at the end of the pass).</summary>
    public int Read(IBatchReader reader)
    {
        int size = reader.Read(_features, _labels, _weights);
        if (size < 0 || size > BatchSize)
            throw new InvalidOperationException($"A batch reader returned {size} samples for a batch of at most {BatchSize}.");
        return size;
    }

    public ReadOnlySpan<float> Features(int size) => _features.AsSpan(0, size * _sampleSize);

    public ReadOnlySpan<float> Labels(int size) => _labels.AsSpan(0, size * _labelSize);

    /// <summary>The batch's sample weights, empty when the source has none.</summary>
    public ReadOnlySpan<float> Weights(int size) => Weighted ? _weights.AsSpan(0, size) : [];

    /// <summary>The batch's total weight: the sum of its sample weights, or its size when unweighted.</summary>
    public double WeightOf(int size)
    {
        if (!Weighted) return size;
        double sum = 0;
        foreach (float w in _weights.AsSpan(0, size)) sum += w;
        return sum;
    }
}

/// <summary>Running sums over batches: the mean loss weights each batch's mean loss by its total sample weight.</summary>
internal struct RunningTotals
{
    private double _lossSum, _weightSum;

    public long Samples { get; private set; }

    public long Correct { get; private set; }

    public readonly double MeanLoss => _weightSum > 0 ? _lossSum / _weightSum : double.NaN;

    public readonly double Accuracy => Samples > 0 ? (double)Correct / Samples : double.NaN;

    public void Add(double batchLoss, double batchWeight, int size, int correct)
    {
        _lossSum += batchLoss * batchWeight;
        _weightSum += batchWeight;
        Samples += size;
        Correct += correct;
    }
}
