// ML.NET's two pipeline contracts: an estimator learns from data and yields a transformer; a transformer maps data views.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Pipeline;

/// <summary>
/// A pipeline step that learns from data (or not, for a trivial step) and yields a <typeparamref name="TTransformer"/>.
/// Both members validate the input columns, so a bad pipeline fails before any data is read.
/// </summary>
public interface IEstimator<out TTransformer> where TTransformer : ITransformer
{
    /// <summary>Trains on <paramref name="input"/> and returns the fitted transformer.</summary>
    TTransformer Fit(IDataView input);

    /// <summary>The shape of the columns <see cref="Fit"/>'s transformer would produce from <paramref name="inputSchema"/>.</summary>
    SchemaShape GetOutputSchema(SchemaShape inputSchema);
}

/// <summary>A fitted pipeline step: maps a data view to another, lazily.</summary>
public interface ITransformer
{
    /// <summary>
    /// The transformed view. Lazy: nothing is read until a cursor of the result moves.
    /// </summary>
    IDataView Transform(IDataView input);

    /// <summary>The schema <see cref="Transform"/> produces from <paramref name="inputSchema"/>; fails on unusable input.</summary>
    DataViewSchema GetOutputSchema(DataViewSchema inputSchema);

    /// <summary>Whether each output row depends only on the matching input row (so single rows can be scored).</summary>
    bool IsRowToRowMapper { get; }

    /// <summary>
    /// Writes the transformer's fitted state into <paramref name="context"/> (called by <c>mlContext.Model.Save</c>):
    /// it calls <see cref="ModelSaveContext.SetLoader"/> with the signature its loader is registered under in
    /// <see cref="TransformerLoaders"/>, then writes its state to <see cref="ModelSaveContext.Writer"/>.
    /// </summary>
    void Save(ModelSaveContext context);
}
