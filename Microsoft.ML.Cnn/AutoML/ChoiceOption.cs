// A setting searched among listed values, e.g. filter counts, optimizers, on/off (ML.NET's ChoiceOption and BooleanChoice).
using System.Globalization;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>One of <see cref="Values"/>, each equally likely to a random tuner; a single value fixes the setting.</summary>
/// <typeparam name="T">The setting's type: a number, an enum or a Boolean.</typeparam>
public sealed class ChoiceOption<T> : SearchOption<T> where T : notnull
{
    private readonly T[] _values;

    /// <param name="values">The candidates, at least one, no two equal.</param>
    public ChoiceOption(params T[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0) throw new ArgumentException("A choice needs at least one value; give one value to fix the setting.", nameof(values));
        if (values.Distinct().Count() != values.Length)
            throw new ArgumentException($"The choices {Describe(values)} repeat a value; list each value once (repeats would weigh it more).", nameof(values));
        _values = (T[])values.Clone();
    }

    /// <summary>The candidates, in declared order.</summary>
    public IReadOnlyList<T> Values => _values;

    private protected override int? Categories => _values.Length;

    /// <inheritdoc/>
    public override T Decode(double unit) => _values[Math.Min((int)(Clamp(unit) * _values.Length), _values.Length - 1)];

    /// <inheritdoc/>
    public override string ToString() => Describe(_values);

    private static string Describe(T[] values) => "{" + string.Join(", ", values.Select(v => string.Format(CultureInfo.InvariantCulture, "{0}", v))) + "}";
}

/// <summary>Ready-made choices.</summary>
public static class ChoiceOption
{
    /// <summary>On or off, each equally likely (ML.NET's <c>[BooleanChoice]</c>).</summary>
    public static ChoiceOption<bool> Boolean() => new(false, true);
}
