// A real-valued setting searched over [min, max], uniformly or uniformly in its logarithm (ML.NET's UniformSingleOption).
using System.Globalization;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>The numbers from <see cref="Min"/> to <see cref="Max"/>.</summary>
public sealed class UniformSingleOption : SearchOption<float>
{
    /// <param name="min">The smallest value, finite.</param>
    /// <param name="max">The largest value, finite and at least <paramref name="min"/>.</param>
    /// <param name="logBase">
    /// Draw uniformly in the logarithm (needs <paramref name="min"/> &gt; 0), so [1e-4, 1e-3] is as likely as [1e-3, 1e-2]:
    /// the right scale for learning rates and weight decay.
    /// </param>
    public UniformSingleOption(float min, float max, bool logBase = false)
    {
        if (!float.IsFinite(min) || !float.IsFinite(max) || max < min)
            throw new ArgumentOutOfRangeException(nameof(max), max, $"The range [{min}, {max}] is not a finite, non-empty range; use finite numbers with min <= max.");
        if (logBase && min <= 0f) throw new ArgumentOutOfRangeException(nameof(min), min, $"A logarithmic range needs min > 0; got [{min}, {max}].");
        Min = min;
        Max = max;
        LogBase = logBase;
    }

    /// <summary>The smallest value.</summary>
    public float Min { get; }

    /// <summary>The largest value.</summary>
    public float Max { get; }

    /// <summary>Whether values are drawn uniformly in their logarithm.</summary>
    public bool LogBase { get; }

    /// <inheritdoc/>
    public override float Decode(double unit)
    {
        unit = Clamp(unit);
        double value = LogBase
            ? Math.Exp(Math.Log(Min) + unit * (Math.Log(Max) - Math.Log(Min)))
            : Min + unit * ((double)Max - Min);
        return Math.Clamp((float)value, Min, Max);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Min:G4}, {Max:G4}]{(LogBase ? " log" : "")}");
}
