// mlContext.Model's single-row prediction: prediction engines (one caller at a time) and pools of them (thread-safe).
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Prediction;

namespace Microsoft.ML.Cnn;

public sealed partial class ModelOperationsCatalog
{
    /// <summary>
    /// An engine making single predictions with <paramref name="model"/>, which must be row-to-row
    /// (<see cref="ITransformer.IsRowToRowMapper"/>). The engine is NOT thread-safe: use one per thread, or
    /// <see cref="CreatePredictionEnginePool{TSrc, TDst}"/>.
    /// </summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="ignoreMissingColumns">Whether members of <typeparamref name="TDst"/> with no column in the model's output are left unset (true) or an error (false).</param>
    /// <param name="inputSchemaDefinition">How <typeparamref name="TSrc"/>'s members map to the model's input columns (default: its attributes).</param>
    /// <param name="outputSchemaDefinition">How <typeparamref name="TDst"/>'s members map to the model's output columns (default: its attributes).</param>
    /// <exception cref="InvalidOperationException">A step of the model is not row-to-row, or an output member does not fit its column.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The model needs an input column <typeparamref name="TSrc"/> does not supply.</exception>
    public PredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>(ITransformer model, bool ignoreMissingColumns = true,
        SchemaDefinition? inputSchemaDefinition = null, SchemaDefinition? outputSchemaDefinition = null)
        where TSrc : class where TDst : class, new() =>
        new(PredictionBinding<TSrc, TDst>.Create(model, ignoreMissingColumns, inputSchemaDefinition, outputSchemaDefinition));

    /// <summary>
    /// A thread-safe pool of prediction engines for <paramref name="model"/> (as ML.NET's <c>PredictionEnginePool</c>):
    /// engines are created when needed and at most <paramref name="maximumRetained"/> (default: twice the processor count)
    /// are kept idle. The model and row classes are checked now, as by <see cref="CreatePredictionEngine{TSrc, TDst}"/>.
    /// </summary>
    public PredictionEnginePool<TSrc, TDst> CreatePredictionEnginePool<TSrc, TDst>(ITransformer model, int? maximumRetained = null,
        bool ignoreMissingColumns = true, SchemaDefinition? inputSchemaDefinition = null, SchemaDefinition? outputSchemaDefinition = null)
        where TSrc : class where TDst : class, new()
    {
        if (maximumRetained is < 1)
            throw new ArgumentOutOfRangeException(nameof(maximumRetained), maximumRetained, "Keep at least one idle engine (or pass null for twice the processor count).");
        var binding = PredictionBinding<TSrc, TDst>.Create(model, ignoreMissingColumns, inputSchemaDefinition, outputSchemaDefinition);
        return new PredictionEnginePool<TSrc, TDst>(binding, maximumRetained ?? 2 * Environment.ProcessorCount);
    }
}
