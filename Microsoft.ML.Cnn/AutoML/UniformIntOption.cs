// An integer setting searched over a range [min, max], uniformly or uniformly in its logarithm (ML.NET's UniformIntOption).
using System.Globalization;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>The integers from <see cref="Min"/> to <see cref="Max"/>, both included.</summary>
public sealed class UniformIntOption : SearchOption<int>
{
    /// <param name="min">The smallest value.</param>
    /// <param name="max">The largest value, at least <paramref name="min"/>.</param>
    /// <param name="logBase">Draw uniformly in the logarithm (needs <paramref name="min"/> &gt; 0), so each factor of ten is as likely.</param>
    public UniformIntOption(int min, int max, bool logBase = false)
    {
        if (max < min) throw new ArgumentOutOfRangeException(nameof(max), max, $"The range [{min}, {max}] is empty; max must be at least min.");
        if (logBase && min <= 0) throw new ArgumentOutOfRangeException(nameof(min), min, $"A logarithmic range needs min > 0; got [{min}, {max}].");
        Min = min;
        Max = max;
        LogBase = logBase;
    }

    /// <summary>The smallest value.</summary>
    public int Min { get; }

    /// <summary>The largest value.</summary>
    public int Max { get; }

    /// <summary>Whether values are drawn uniformly in their logarithm.</summary>
    public bool LogBase { get; }

    /// <inheritdoc/>
    public override int Decode(double unit)
    {
        unit = Clamp(unit);
        // Each integer owns an equal share of [min, max + 1) (or of its logarithm).
        double value = LogBase
            ? Math.Exp(Math.Log(Min) + unit * (Math.Log(Max + 1.0) - Math.Log(Min)))
            : Min + unit * (Max - Min + 1.0);
        return (int)Math.Clamp(Math.Floor(value), Min, Max);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Min}, {Max}]{(LogBase ? " log" : "")}");
}
