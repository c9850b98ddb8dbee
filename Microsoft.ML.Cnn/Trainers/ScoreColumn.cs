// One output column of a fitted Cnn transformer (Score, Probability, PredictedLabel): its name, type and annotations,
// and how its getter reads the current row's network output.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>The current row of a scoring cursor: the network's output for it, after the task's post-processing.</summary>
internal interface IScoredRow
{
    /// <summary>The row's output values (class probabilities, a logit or a regression value).</summary>
    ReadOnlySpan<float> Output { get; }
}

/// <summary>An output column computed from <see cref="IScoredRow.Output"/>.</summary>
internal sealed class ScoreColumn
{
    private readonly Func<IScoredRow, Delegate> _createGetter;

    private ScoreColumn(string name, DataViewType type, DataViewSchema.Annotations? annotations, Func<IScoredRow, Delegate> createGetter)
    {
        Name = name;
        Type = type;
        Annotations = annotations ?? DataViewSchema.Annotations.Empty;
        _createGetter = createGetter;
    }

    /// <summary>A column of <paramref name="type"/> read as <typeparamref name="TValue"/>.</summary>
    public static ScoreColumn Create<TValue>(string name, DataViewType type, DataViewSchema.Annotations? annotations, Func<IScoredRow, ValueGetter<TValue>> createGetter)
    {
        if (type.RawType != typeof(TValue)) throw new ArgumentException($"Column '{name}' of type {type} is read as {type.RawType.Name}, not {typeof(TValue).Name}.", nameof(createGetter));
        return new ScoreColumn(name, type, annotations, createGetter);
    }

    public string Name { get; }

    public DataViewType Type { get; }

    public DataViewSchema.Annotations Annotations { get; }

    /// <summary>The getter over <paramref name="row"/>, created once per cursor.</summary>
    public Delegate CreateGetter(IScoredRow row) => _createGetter(row);
}
