// TopKAccuracy is the last of TopKAccuracyForAllK, or 0 without top-K.
using Microsoft.ML.Cnn.Evaluation;
using EngineConfusionMatrix = Microsoft.ML.Cnn.Training.ConfusionMatrix;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class MulticlassClassificationMetricsTests
{
    private static MulticlassClassificationMetrics Metrics(int topK, double[]? topKAccuracies) =>
        new(0.5, 0.5, 1, 0, topK, topKAccuracies, [1, 1], new ConfusionMatrix(new EngineConfusionMatrix(2)));

    [TestMethod]
    public void TopKAccuracy_LastOfAllK()
    {
        Assert.AreEqual(0.75, Metrics(2, [0.5, 0.75]).TopKAccuracy);
    }

    [TestMethod]
    public void TopKAccuracy_WithoutTopK_Zero()
    {
        Assert.AreEqual(0, Metrics(0, null).TopKAccuracy);
    }
}
