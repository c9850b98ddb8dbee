// ML.NET's LearningPipelineExtensions: `estimator.Append(next)` starts a chain from any single estimator. In the root
// namespace (as ML.NET's is in Microsoft.ML) so the `using` that brings MLContext brings Append too.
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn;

/// <summary>Chaining helpers for estimators.</summary>
public static class PipelineExtensions
{
    /// <summary>A chain of <paramref name="start"/> followed by <paramref name="estimator"/>.</summary>
    public static EstimatorChain<TTrans> Append<TTrans>(this IEstimator<ITransformer> start, IEstimator<TTrans> estimator)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        return new EstimatorChain<ITransformer>().Append(start).Append(estimator);
    }

    /// <summary>
    /// A chain of <paramref name="start"/> whose output is cached in memory while the chain fits (see
    /// <see cref="EstimatorChain{TLastTransformer}.AppendCacheCheckpoint"/>).
    /// </summary>
    public static EstimatorChain<TTrans> AppendCacheCheckpoint<TTrans>(this IEstimator<TTrans> start, MLContext context)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        if (start is EstimatorChain<TTrans> chain) return chain.AppendCacheCheckpoint(context);
        return new EstimatorChain<ITransformer>().Append(start).AppendCacheCheckpoint(context);
    }
}
