// What every prediction engine of one model and one pair of row classes shares, checked once: the model is
// row-to-row, the input class supplies the columns it needs, and the output class matches its output columns.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Prediction;

/// <summary>A validated model with the member accessors of <typeparamref name="TSrc"/> and <typeparamref name="TDst"/>.</summary>
internal sealed class PredictionBinding<TSrc, TDst> where TSrc : class where TDst : class, new()
{
    private PredictionBinding(ITransformer model, MemberColumn<TSrc>[] inputs, MemberColumn<TDst>[] outputs, bool ignoreMissingColumns,
        DataViewSchema outputSchema)
    {
        Model = model;
        Inputs = inputs;
        Outputs = outputs;
        IgnoreMissingColumns = ignoreMissingColumns;
        OutputSchema = outputSchema;
    }

    public ITransformer Model { get; }

    public MemberColumn<TSrc>[] Inputs { get; }

    public MemberColumn<TDst>[] Outputs { get; }

    public bool IgnoreMissingColumns { get; }

    /// <summary>The model's output schema for the input class's columns.</summary>
    public DataViewSchema OutputSchema { get; }

    /// <summary>
    /// Checks <paramref name="model"/> and both row classes (or the schema definitions given for them) and binds their
    /// members; every problem fails here, before any prediction.
    /// </summary>
    public static PredictionBinding<TSrc, TDst> Create(ITransformer model, bool ignoreMissingColumns,
        SchemaDefinition? inputSchemaDefinition, SchemaDefinition? outputSchemaDefinition)
    {
        ArgumentNullException.ThrowIfNull(model);
        RequireRowToRow(model);
        var inputs = inputSchemaDefinition is null
            ? DataOperationsCatalog.RowTypeCache<TSrc>.Members
            : RowTypeMembers.Bind<TSrc>(inputSchemaDefinition);
        var outputs = outputSchemaDefinition is null
            ? DataOperationsCatalog.RowTypeCache<TDst>.Members
            : RowTypeMembers.Bind<TDst>(outputSchemaDefinition);
        // The model validates the input columns (missing or mistyped ones fail with the standard schema errors).
        var outputSchema = model.GetOutputSchema(new EnumerableDataView<TSrc>([], inputs).Schema);
        var binding = new PredictionBinding<TSrc, TDst>(model, inputs, outputs, ignoreMissingColumns, outputSchema);
        binding.MatchOutputs(outputSchema);
        return binding;
    }

    /// <summary>Matches the output class's members to <paramref name="outputSchema"/> (the schema of one engine's view).</summary>
    public RowObjectFiller<TDst> MatchOutputs(DataViewSchema outputSchema) => RowObjectFiller<TDst>.Create(outputSchema, Outputs,
        IgnoreMissingColumns, "the model's output (pass ignoreMissingColumns: true to leave such members unset)", "model");

    private static void RequireRowToRow(ITransformer model)
    {
        if (model.IsRowToRowMapper) return;
        throw new InvalidOperationException(
            $"A prediction engine needs a model that maps each input row to exactly one output row, but {NonRowToRowStep(model, "")} " +
            "is not row-to-row (IsRowToRowMapper is false: it may drop, add or reorder rows). Score a data view with " +
            "model.Transform instead, or configure that step to keep every row (e.g. LoadImages with InvalidImageHandling.Fail).");
    }

    /// <summary>Names the first step that is not row-to-row, descending into chains: e.g. "step 2 (ImageLoadingTransformer) of the model".</summary>
    private static string NonRowToRowStep(ITransformer model, string path)
    {
        if (model is IEnumerable<ITransformer> steps)
        {
            int index = 0;
            foreach (var step in steps)
            {
                if (!step.IsRowToRowMapper) return NonRowToRowStep(step, $"step {index}{(path.Length == 0 ? "" : " of ")}{path}");
                index++;
            }
        }
        string name = model.GetType().Name;
        int tick = name.IndexOf('`');
        return path.Length == 0 ? $"the model ({(tick < 0 ? name : name[..tick])})" : $"{path} ({(tick < 0 ? name : name[..tick])}) of the model";
    }
}
