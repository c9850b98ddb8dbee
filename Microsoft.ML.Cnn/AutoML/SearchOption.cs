// The base of the typed search options a CnnSearchSpace is declared with (ML.NET's UniformIntOption,
// UniformSingleOption and ChoiceOption): each maps a coordinate of the unit interval to one value.
namespace Microsoft.ML.Cnn.AutoML;

/// <summary>One coordinate of the search space as a tuner sees it: a number in [0, 1).</summary>
internal interface ISearchDimension
{
    /// <summary>The number of values when they are unordered choices (a tuner treats them as categories); null for a range.</summary>
    int? Categories { get; }
}

/// <summary>
/// The values one setting may take during a search. Tuners propose a number u in [0, 1) for each option and the
/// option turns it into a value (<see cref="Decode"/>): uniformly over a range, uniformly over the logarithm of a
/// range, or among a list of choices.
/// </summary>
/// <typeparam name="T">The setting's type.</typeparam>
public abstract class SearchOption<T> : ISearchDimension
{
    private protected SearchOption() { }

    int? ISearchDimension.Categories => Categories;

    private protected virtual int? Categories => null;

    /// <summary>The value at <paramref name="unit"/>, a number in [0, 1) (values outside are clamped).</summary>
    public abstract T Decode(double unit);

    /// <summary>The option as it is declared, e.g. "[1e-4, 1e-2] log" or "{32, 64, 128}".</summary>
    public abstract override string ToString();

    /// <summary>Clamps <paramref name="unit"/> to [0, 1) (NaN to 0).</summary>
    private protected static double Clamp(double unit) => unit >= 0 ? Math.Min(unit, Math.BitDecrement(1.0)) : 0;
}
