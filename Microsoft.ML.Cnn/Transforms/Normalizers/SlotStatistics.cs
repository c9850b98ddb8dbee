// One-pass statistics per slot (vector position or image channel), as ML.NET's normalizers gather them: minimum and
// maximum ignoring NaN, and mean and variance by Welford's update in double precision (stable over millions of
// values), ignoring NaN and infinities.
namespace Microsoft.ML.Cnn.Transforms.Normalizers;

/// <summary>Running minimum and maximum of each slot; NaN is ignored, infinities count.</summary>
internal sealed class MinMaxStatistics
{
    public MinMaxStatistics(int slots)
    {
        Min = new float[slots];
        Max = new float[slots];
        Array.Fill(Min, float.PositiveInfinity);
        Array.Fill(Max, float.NegativeInfinity);
    }

    /// <summary>The smallest value of each slot (+∞ when it saw no number).</summary>
    public float[] Min { get; }

    /// <summary>The largest value of each slot (-∞ when it saw no number).</summary>
    public float[] Max { get; }

    /// <summary>Adds one row: value <c>i</c> belongs to slot <c>i</c>.</summary>
    public void Add(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            float value = values[i];
            // Comparisons with NaN are false, so NaN never moves a bound.
            if (value < Min[i]) Min[i] = value;
            if (value > Max[i]) Max[i] = value;
        }
    }
}

/// <summary>Running count, mean and sum of squared deviations (M2) of each slot; non-finite values are ignored.</summary>
internal sealed class MeanVarianceStatistics
{
    private readonly long[] _count;
    private readonly double[] _mean;
    private readonly double[] _m2;

    public MeanVarianceStatistics(int slots)
    {
        _count = new long[slots];
        _mean = new double[slots];
        _m2 = new double[slots];
    }

    /// <summary>The number of slots.</summary>
    public int Slots => _count.Length;

    /// <summary>Adds one row: value <c>i</c> belongs to slot <c>i</c>.</summary>
    public void Add(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++) Add(i, values[i]);
    }

    /// <summary>Adds <paramref name="value"/> to slot <paramref name="slot"/> (Welford's update).</summary>
    public void Add(int slot, float value)
    {
        if (!float.IsFinite(value)) return;
        long count = ++_count[slot];
        double delta = value - _mean[slot];
        _mean[slot] += delta / count;
        _m2[slot] += delta * (value - _mean[slot]);
    }

    /// <summary>The number of finite values slot <paramref name="slot"/> saw.</summary>
    public long Count(int slot) => _count[slot];

    /// <summary>The mean of slot <paramref name="slot"/> (0 when it saw no finite value).</summary>
    public double Mean(int slot) => _mean[slot];

    /// <summary>The population variance (M2 / n) of slot <paramref name="slot"/>, as ML.NET uses; 0 when empty.</summary>
    public double Variance(int slot) => _count[slot] == 0 ? 0 : _m2[slot] / _count[slot];
}
