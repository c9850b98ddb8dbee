// ML.NET's EstimatorChain: estimators fitted in order, each on the previous steps' output; built with Append.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Pipeline;

/// <summary>A pipeline of estimators; <see cref="Fit"/> yields a <see cref="TransformerChain{TLastTransformer}"/>.</summary>
public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>>
    where TLastTransformer : class, ITransformer
{
    private readonly IEstimator<ITransformer>[] _estimators;

    /// <summary>An empty chain, to start a pipeline with <see cref="Append{TNewTrans}"/>.</summary>
    public EstimatorChain() : this([]) { }

    private EstimatorChain(IEstimator<ITransformer>[] estimators) => _estimators = estimators;

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<IEstimator<ITransformer>> Estimators => _estimators;

    /// <summary>This chain followed by <paramref name="estimator"/>.</summary>
    public EstimatorChain<TNewTrans> Append<TNewTrans>(IEstimator<TNewTrans> estimator) where TNewTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new EstimatorChain<TNewTrans>([.. _estimators, estimator]);
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
            if (i + 1 < _estimators.Length) input = transformers[i].Transform(input);
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
