// One output column of a row-to-row transformer: its name, type and annotations, the input columns it reads, and how
// to build its getter over an input row (once per cursor).
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Transforms;

/// <summary>
/// An output column computed per row from <see cref="Inputs"/>. <see cref="CreateGetter"/> is called once per cursor and
/// returns a <c>ValueGetter</c> of <see cref="Type"/>'s raw type reading the input row's current values.
/// </summary>
public sealed class MappedColumn
{
    private readonly Func<DataViewRow, Delegate> _createGetter;

    private MappedColumn(string name, DataViewType type, DataViewSchema.Annotations? annotations,
        IReadOnlyList<DataViewSchema.Column> inputs, Func<DataViewRow, Delegate> createGetter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Annotations = annotations ?? DataViewSchema.Annotations.Empty;
        Inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        _createGetter = createGetter ?? throw new ArgumentNullException(nameof(createGetter));
    }

    /// <summary>
    /// An output column of <paramref name="type"/> (read as <typeparamref name="TValue"/>) whose getter
    /// <paramref name="createGetter"/> builds from an input row on which <paramref name="inputs"/> are active.
    /// </summary>
    public static MappedColumn Create<TValue>(string name, DataViewType type, DataViewSchema.Annotations? annotations,
        IReadOnlyList<DataViewSchema.Column> inputs, Func<DataViewRow, ValueGetter<TValue>> createGetter)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(createGetter);
        if (type.RawType != typeof(TValue))
            throw new ArgumentException($"Output column '{name}' of type {type} is read as {type.RawType.Name}, but its getter reads {typeof(TValue).Name}.", nameof(createGetter));
        return new MappedColumn(name, type, annotations, inputs, createGetter);
    }

    /// <summary>The output column's name (hides an input column of the same name).</summary>
    public string Name { get; }

    /// <summary>The output column's type.</summary>
    public DataViewType Type { get; }

    /// <summary>The output column's annotations.</summary>
    public DataViewSchema.Annotations Annotations { get; }

    /// <summary>The input columns the getter reads; they are activated on the source cursor.</summary>
    public IReadOnlyList<DataViewSchema.Column> Inputs { get; }

    /// <summary>The getter over <paramref name="input"/>: a <c>ValueGetter</c> of <see cref="Type"/>'s raw type.</summary>
    public Delegate CreateGetter(DataViewRow input) => _createGetter(input);
}
