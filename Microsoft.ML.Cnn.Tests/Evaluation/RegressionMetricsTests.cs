// RootMeanSquaredError derives from MeanSquaredError.
using Microsoft.ML.Cnn.Evaluation;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class RegressionMetricsTests
{
    [TestMethod]
    public void RootMeanSquaredError_SquareRootOfMeanSquaredError()
    {
        var metrics = new RegressionMetrics(meanAbsoluteError: 1, meanSquaredError: 2.25, lossFunction: 2.25, rSquared: 0.5);

        Assert.AreEqual(1.5, metrics.RootMeanSquaredError);
        Assert.AreEqual(2.25, metrics.LossFunction);
    }
}
