// What every fitted Cnn model shares: the trained network, the feature column it reads, the training history, and
// batched scoring through pooled predictors into the task's score columns.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Persistence.Pipeline;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>
/// A fitted Cnn model: <see cref="Transform"/> appends the task's score columns, scoring
/// <see cref="ScoringBatchSize"/> rows per forward pass. Each output row depends only on its input row, so it is a
/// row-to-row mapper; the batching is invisible to the reader. Dispose it to release its compiled predictors.
/// </summary>
public abstract class CnnPredictionTransformerBase : ITransformer, IDisposable
{
    private readonly Lazy<PredictorPool> _predictors;
    private IReadOnlyList<ScoreColumn>? _scoreColumns;
    private bool _disposed;

    private protected CnnPredictionTransformerBase(CnnModelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Network);
        ArgumentException.ThrowIfNullOrEmpty(state.FeatureColumnName);
        if (state.ScoringBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(state), state.ScoringBatchSize, "Score at least 1 row per forward pass, e.g. 256.");
        State = state;
        _predictors = new Lazy<PredictorPool>(() => new PredictorPool(state.Network, state.Backend, state.Threads, state.ScoringBatchSize), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The trained network (outputs are logits, or raw values for regression). Do not change its weights while scoring.</summary>
    public Network Network => State.Network;

    /// <summary>The feature column read: a known-size Single vector whose dimensions give the network's input shape.</summary>
    public string FeatureColumnName => State.FeatureColumnName;

    /// <summary>The per-epoch metrics of the training run, and how it ended; null for a model loaded without one.</summary>
    public TrainingHistory? History => State.History;

    /// <summary>The backend scoring runs on.</summary>
    public BackendKind Backend => State.Backend;

    /// <summary>Compute threads for scoring; null for every core.</summary>
    public int? NumberOfThreads => State.Threads;

    /// <summary>Rows per forward pass when scoring.</summary>
    public int ScoringBatchSize => State.ScoringBatchSize;

    private protected CnnModelState State { get; }

    /// <summary>Always true: each output row depends only on its input row.</summary>
    public bool IsRowToRowMapper => true;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        CheckFeatures(inputSchema);
        return ScoringDataView.OutputSchema(inputSchema, ScoreColumns);
    }

    /// <summary>The input with the score columns appended; validates the feature column now, reads nothing.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var features = CheckFeatures(input.Schema);
        return new ScoringDataView(input, features, new Scorer(this));
    }

    /// <summary>
    /// Writes the model (network, feature column, scoring settings, training history and the task's columns) for
    /// <c>mlContext.Model.Save</c>; loaded back by the transformer's registered loader.
    /// </summary>
    public void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetLoader(Signature, 1);
        State.Save(context);
        SaveTask(context.Writer);
    }

    /// <summary>Releases the compiled predictors (and their backends); the model cannot score afterwards.</summary>
    public void Dispose()
    {
        _disposed = true;
        if (_predictors.IsValueCreated) _predictors.Value.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Frees the memory of the idle compiled predictors and keeps the model usable: the next Transform compiles again.
    /// For callers that hold many models (AutoML keeps every trial's).
    /// </summary>
    internal void ReleaseCompiledPredictors()
    {
        if (_predictors.IsValueCreated) _predictors.Value.ReleaseIdle();
    }

    /// <summary>The loader signature the model is saved under.</summary>
    private protected abstract string Signature { get; }

    /// <summary>Writes the task's own state (output column names, label type) after the shared state.</summary>
    private protected abstract void SaveTask(ModelStreamWriter writer);

    /// <summary>Runs a loaded model's constructor, turning its consistency checks into invalid-file errors.</summary>
    private protected static T Rebuild<T>(ModelStreamReader reader, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw reader.Invalid(e.Message);
        }
    }

    /// <summary>The task's output columns, in order.</summary>
    private protected abstract IReadOnlyList<ScoreColumn> CreateScoreColumns();

    /// <summary>Turns raw outputs into what the score columns read (e.g. softmax), in place.</summary>
    private protected abstract void PostProcess(Span<float> outputs, int count);

    private IReadOnlyList<ScoreColumn> ScoreColumns => _scoreColumns ??= CreateScoreColumns();

    private DataViewSchema.Column CheckFeatures(DataViewSchema schema)
    {
        var (column, shape) = CnnColumns.Features(schema, FeatureColumnName);
        if (shape != Network.InputShape)
            throw SchemaErrors.Mismatch(FeatureColumnName, $"samples of shape {Network.InputShape}, as the model was trained on", $"{column.Type} (samples of shape {shape})");
        return column;
    }

    private sealed class Scorer(CnnPredictionTransformerBase transformer) : IBatchScorer
    {
        public IReadOnlyList<ScoreColumn> ScoreColumns => transformer.ScoreColumns;

        public PredictorPool Predictors
        {
            get
            {
                ObjectDisposedException.ThrowIf(transformer._disposed, transformer);
                return transformer._predictors.Value;
            }
        }

        public int InputSize => transformer.Network.InputShape.ElementCount;

        public int OutputSize => transformer.Network.OutputShape.ElementCount;

        public void PostProcess(Span<float> outputs, int count) => transformer.PostProcess(outputs, count);
    }
}
