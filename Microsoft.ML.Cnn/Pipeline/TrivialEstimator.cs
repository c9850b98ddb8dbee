// ML.NET's TrivialEstimator: a step that learns nothing, so Fit only validates the input and returns a ready transformer.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Pipeline;

/// <summary>An estimator whose transformer does not depend on the data it is fitted on.</summary>
public abstract class TrivialEstimator<TTransformer> : IEstimator<TTransformer> where TTransformer : class, ITransformer
{
    /// <summary>Wraps the transformer <see cref="Fit"/> returns.</summary>
    protected TrivialEstimator(TTransformer transformer) => Transformer = transformer ?? throw new ArgumentNullException(nameof(transformer));

    /// <summary>The transformer every <see cref="Fit"/> returns.</summary>
    protected TTransformer Transformer { get; }

    /// <summary>Checks <paramref name="input"/>'s schema (as <see cref="GetOutputSchema"/> does) and returns the transformer.</summary>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(SchemaShape.Create(input.Schema));
        return Transformer;
    }

    /// <inheritdoc/>
    public abstract SchemaShape GetOutputSchema(SchemaShape inputSchema);
}
