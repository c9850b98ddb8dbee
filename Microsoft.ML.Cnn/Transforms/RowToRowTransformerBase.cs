// The base of transformers that add columns computed row by row from input columns: subclasses only describe their
// output columns for an input schema; the lazy view, cursors and column activation are shared.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Transforms;

/// <summary>A transformer appending <see cref="MappedColumn"/>s to its input, computed lazily per row.</summary>
public abstract class RowToRowTransformerBase : ITransformer
{
    /// <summary>Always true: each output row depends only on its input row.</summary>
    public bool IsRowToRowMapper => true;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return MappedDataView.OutputSchema(inputSchema, MapColumns(inputSchema));
    }

    /// <summary>A view of <paramref name="input"/> plus the mapped columns; validates the input now, reads nothing.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new MappedDataView(input, MapColumns(input.Schema));
    }

    /// <inheritdoc/>
    public abstract void Save(ModelSaveContext context);

    /// <summary>
    /// The output columns for <paramref name="inputSchema"/>; fails (see <see cref="SchemaErrors"/>) naming the input
    /// column when one is missing or of the wrong type.
    /// </summary>
    protected abstract IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema);

    /// <summary>The visible input column named <paramref name="name"/>, or the missing-column error.</summary>
    protected static DataViewSchema.Column FindInput(DataViewSchema inputSchema, string name) =>
        inputSchema.GetColumnOrNull(name) ?? throw SchemaErrors.MissingColumn(name, inputSchema.AvailableNames());
}
