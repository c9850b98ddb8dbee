// ML.NET's LearningPipelineExtensions: `estimator.Append(next)` starts a chain from any single estimator.
namespace Microsoft.ML.Cnn.Pipeline;

/// <summary>Chaining helpers for estimators.</summary>
public static class PipelineExtensions
{
    /// <summary>A chain of <paramref name="start"/> followed by <paramref name="estimator"/>.</summary>
    public static EstimatorChain<TTrans> Append<TTrans>(this IEstimator<ITransformer> start, IEstimator<TTrans> estimator)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        return start is EstimatorChain<ITransformer> chain
            ? chain.Append(estimator)
            : new EstimatorChain<ITransformer>().Append(start).Append(estimator);
    }
}
