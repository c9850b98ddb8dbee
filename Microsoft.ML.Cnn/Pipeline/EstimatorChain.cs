// ML.NET's EstimatorChain: estimators fitted in order, each on the previous steps' output; built with Append.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Pipeline;

/// <summary>A pipeline of estimators; <see cref="Fit"/> yields a <see cref="TransformerChain{TLastTransformer}"/>.</summary>
public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>>
    where TLastTransformer : class, ITransformer
{
    private readonly IEstimator<ITransformer>[] _estimators;
    // _cacheAfter[i]: the output of step i is cached in memory while the chain fits (AppendCacheCheckpoint).
    private readonly bool[] _cacheAfter;

    /// <summary>An empty chain, to start a pipeline with <see cref="Append{TNewTrans}"/>.</summary>
    public EstimatorChain() : this([], []) { }

    private EstimatorChain(IEstimator<ITransformer>[] estimators, bool[] cacheAfter)
    {
        _estimators = estimators;
        _cacheAfter = cacheAfter;
    }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<IEstimator<ITransformer>> Estimators => _estimators;

    /// <summary>This chain followed by <paramref name="estimator"/>.</summary>
    public EstimatorChain<TNewTrans> Append<TNewTrans>(IEstimator<TNewTrans> estimator) where TNewTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new EstimatorChain<TNewTrans>([.. _estimators, estimator], [.. _cacheAfter, false]);
    }

    /// <summary>
    /// Caches the data produced by the steps so far in memory while the chain fits, so the steps after it (typically a
    /// trainer reading the data once per epoch) do not recompute them (decoding images, for example). Scoring with the
    /// fitted chain caches nothing. <paramref name="context"/> is taken for ML.NET compatibility.
    /// </summary>
    public EstimatorChain<TLastTransformer> AppendCacheCheckpoint(MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_estimators.Length == 0) throw new InvalidOperationException("A cache checkpoint needs a step before it; append an estimator first.");
        var cacheAfter = (bool[])_cacheAfter.Clone();
        cacheAfter[^1] = true;
        return new EstimatorChain<TLastTransformer>(_estimators, cacheAfter);
    }

    /// <summary>Validates the whole chain, then fits each step on the output of the steps before it.</summary>
    public TransformerChain<TLastTransformer> Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Fail on a bad late step before training the early ones.
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var transformers = new ITransformer[_estimators.Length];
        for (int i = 0; i < _estimators.Length; i++)
        {
            transformers[i] = _estimators[i].Fit(input);
            if (i + 1 == _estimators.Length) break;
            input = transformers[i].Transform(input);
            if (_cacheAfter[i]) input = new CachedDataView(input);
        }
        return new TransformerChain<TLastTransformer>(transformers);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        foreach (var estimator in _estimators) inputSchema = estimator.GetOutputSchema(inputSchema);
        return inputSchema;
    }
}
