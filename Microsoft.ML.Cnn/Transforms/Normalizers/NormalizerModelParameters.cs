// The fitted functions of the normalizers, named as ML.NET names them: affine (x - offset) * scale per slot, and the
// normal CDF of (x - mean) / stddev per slot. Statistics are kept as Single, exactly as applied, so they round-trip.
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Normalizers;

/// <summary>What a normalizer learned: maps a row's slots to normalized values.</summary>
public abstract class NormalizerModelParameters
{
    private protected NormalizerModelParameters() { }

    /// <summary>The number of slots (1 for a scalar column).</summary>
    public abstract int SlotCount { get; }

    /// <summary>Writes the normalized <paramref name="input"/> into <paramref name="output"/> (same length, the slot count).</summary>
    internal abstract void Normalize(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Writes a kind byte (<see cref="Kind"/>) and two float arrays of the slot count.</summary>
    internal void Save(ModelStreamWriter writer)
    {
        var (kind, first, second) = State;
        writer.WriteByte((byte)kind);
        writer.WriteSingles(first);
        writer.WriteSingles(second);
    }

    /// <summary>Reads what <see cref="Save"/> wrote, for a column of <paramref name="slots"/> slots.</summary>
    internal static NormalizerModelParameters Load(ModelStreamReader reader, int slots)
    {
        var kind = (Kind)reader.ReadByte();
        var first = reader.ReadSingles("normalizer statistics");
        var second = reader.ReadSingles("normalizer statistics");
        if (first.Length != slots || second.Length != slots)
            throw reader.Invalid($"normalizer statistics hold {first.Length} and {second.Length} values for a column of {slots} slots.");
        return kind switch
        {
            Kind.Affine => new AffineNormalizerModelParameters(first, second),
            Kind.Cdf => new CdfNormalizerModelParameters(first, second),
            _ => throw reader.Invalid($"normalizer kind {(byte)kind} is unknown (1 = affine, 2 = CDF)."),
        };
    }

    /// <summary>The saved form: the kind and its two per-slot arrays.</summary>
    private protected abstract (Kind Kind, float[] First, float[] Second) State { get; }

    /// <summary>Pinned tags of the saved kinds (never renumber).</summary>
    private protected enum Kind : byte { Affine = 1, Cdf = 2 }
}

/// <summary>Per slot <c>(x - Offset) * Scale</c>; a slot that carried no information has scale 0 (and so maps to 0).</summary>
public sealed class AffineNormalizerModelParameters : NormalizerModelParameters
{
    private readonly float[] _scale;
    private readonly float[] _offset;

    internal AffineNormalizerModelParameters(float[] scale, float[] offset)
    {
        if (scale.Length != offset.Length) throw new ArgumentException($"{scale.Length} scales but {offset.Length} offsets.", nameof(offset));
        _scale = scale;
        _offset = offset;
    }

    /// <summary>The factor of each slot.</summary>
    public IReadOnlyList<float> Scale => _scale;

    /// <summary>The value subtracted from each slot before scaling (all 0 with fixZero).</summary>
    public IReadOnlyList<float> Offset => _offset;

    /// <inheritdoc/>
    public override int SlotCount => _scale.Length;

    private protected override (Kind Kind, float[] First, float[] Second) State => (Kind.Affine, _scale, _offset);

    internal override void Normalize(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < _scale.Length; i++) output[i] = (input[i] - _offset[i]) * _scale[i];
    }
}

/// <summary>
/// Per slot the standard normal CDF of <c>(x - Mean) / StandardDeviation</c>, with ML.NET's approximation of erf
/// (max error about 1e-4); a slot with standard deviation 0 (constant, or no finite value) maps to 0.
/// </summary>
public sealed class CdfNormalizerModelParameters : NormalizerModelParameters
{
    private readonly float[] _mean;
    private readonly float[] _standardDeviation;

    internal CdfNormalizerModelParameters(float[] mean, float[] standardDeviation)
    {
        if (mean.Length != standardDeviation.Length) throw new ArgumentException($"{mean.Length} means but {standardDeviation.Length} deviations.", nameof(standardDeviation));
        _mean = mean;
        _standardDeviation = standardDeviation;
    }

    /// <summary>The mean of each slot.</summary>
    public IReadOnlyList<float> Mean => _mean;

    /// <summary>The (population) standard deviation of each slot.</summary>
    public IReadOnlyList<float> StandardDeviation => _standardDeviation;

    /// <inheritdoc/>
    public override int SlotCount => _mean.Length;

    private protected override (Kind Kind, float[] First, float[] Second) State => (Kind.Cdf, _mean, _standardDeviation);

    internal override void Normalize(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < _mean.Length; i++)
            output[i] = _standardDeviation[i] == 0 ? 0f : Cdf((input[i] - _mean[i]) / _standardDeviation[i]);
    }

    /// <summary>Φ(z) = ½(1 + erf(z/√2)), erf by the approximation sign(x)·√(1 - exp(-x²(4/π + a x²)/(1 + a x²))), a = 0.147.</summary>
    internal static float Cdf(float z)
    {
        if (float.IsNaN(z)) return z;
        if (float.IsInfinity(z)) return z > 0 ? 1f : 0f;
        double x2 = (double)z * z / 2;
        const double a = 0.147;
        double ax2 = a * x2;
        return (float)(0.5 + 0.5 * Math.Sign(z) * Math.Sqrt(1 - Math.Exp(-x2 * (4 / Math.PI + ax2) / (1 + ax2))));
    }
}
