// ML.NET's TransformerChain: fitted steps applied in order; the result of EstimatorChain.Fit.
using System.Collections;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Pipeline;

/// <summary>Transformers applied one after the other; <see cref="LastTransformer"/> is the final step, typed.</summary>
public sealed class TransformerChain<TLastTransformer> : ITransformer, IEnumerable<ITransformer>
    where TLastTransformer : class, ITransformer
{
    private readonly ITransformer[] _transformers;

    /// <summary>A chain of <paramref name="transformers"/>; the last one, if any, must be a <typeparamref name="TLastTransformer"/>.</summary>
    public TransformerChain(params ITransformer[] transformers)
    {
        ArgumentNullException.ThrowIfNull(transformers);
        foreach (var transformer in transformers) ArgumentNullException.ThrowIfNull(transformer, nameof(transformers));
        if (transformers.Length > 0 && transformers[^1] is not TLastTransformer)
            throw new ArgumentException($"The last transformer is a {transformers[^1].GetType().Name}, not a {typeof(TLastTransformer).Name}.", nameof(transformers));
        _transformers = (ITransformer[])transformers.Clone();
    }

    /// <summary>The final step, or null for an empty chain.</summary>
    public TLastTransformer? LastTransformer => _transformers.Length == 0 ? null : (TLastTransformer)_transformers[^1];

    /// <summary>True when every step is row-to-row.</summary>
    public bool IsRowToRowMapper => Array.TrueForAll(_transformers, t => t.IsRowToRowMapper);

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        foreach (var transformer in _transformers) inputSchema = transformer.GetOutputSchema(inputSchema);
        return inputSchema;
    }

    /// <inheritdoc/>
    public IDataView Transform(IDataView input)
    {
        foreach (var transformer in _transformers) input = transformer.Transform(input);
        return input;
    }

    /// <summary>This chain followed by <paramref name="transformer"/>.</summary>
    public TransformerChain<TNewLast> Append<TNewLast>(TNewLast transformer) where TNewLast : class, ITransformer =>
        new([.. _transformers, transformer]);

    /// <inheritdoc/>
    /// <summary>Saves every step as a sub-model; loading gives back a chain typed <c>TransformerChain&lt;ITransformer&gt;</c>.</summary>
    public void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TransformerChainPersistence.Save(context, _transformers);
    }

    public IEnumerator<ITransformer> GetEnumerator() => ((IEnumerable<ITransformer>)_transformers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
