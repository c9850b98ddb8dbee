// estimator.Append(next): starts a chain from a single estimator; a chain seen as a plain estimator becomes one step.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Transforms;

namespace Microsoft.ML.Cnn.Tests;

[TestClass]
public sealed class PipelineExtensionsTests
{
    [TestMethod]
    public void Append_SingleEstimator_ChainOfBoth()
    {
        var context = new MLContext(1);
        var first = context.Transforms.CopyColumns("A", "B");
        var second = context.Transforms.Concatenate("C", "A");
        var chain = first.Append(second);
        Assert.HasCount(2, chain.Estimators);
        Assert.AreSame(first, chain.Estimators[0]);
    }

    [TestMethod]
    public void Append_ChainAsPlainEstimator_NestsAsOneStep()
    {
        var context = new MLContext(1);
        IEstimator<ITransformer> start = new EstimatorChain<ITransformer>().Append(context.Transforms.CopyColumns("A", "B"));
        var chain = start.Append(context.Transforms.CopyColumns("C", "A"));
        Assert.HasCount(2, chain.Estimators);
        Assert.IsInstanceOfType<EstimatorChain<ColumnCopyingTransformer>>(chain.Estimators[0]);
    }
}
