// The most confident mistakes: only wrong rows with both keys known, highest predicted probability first, at most K.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Mlcnn.Reports;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Reports;

[TestClass]
public sealed class MistakeCollectorTests
{
    private sealed class ScoredRow
    {
        [KeyType(3)] public uint Label;
        [KeyType(3)] public uint PredictedLabel;
        [VectorType(3)] public float[] Score = [];
        public string ImagePath = "";
        [VectorType(1, 1, 2)] public float[] Features = [];
    }

    private static ScoredRow Row(uint label, uint predicted, float probability, string path) => new()
    {
        Label = label, PredictedLabel = predicted, ImagePath = path, Features = [0f, 1f],
        Score = [.. Enumerable.Range(1, 3).Select(k => k == predicted ? probability : (1 - probability) / 2)],
    };

    [TestMethod]
    public void Collect_KeepsTheMostConfidentWrongRowsInOrder()
    {
        var rows = new[]
        {
            Row(1, 1, 0.99f, "right"), Row(1, 2, 0.6f, "a"), Row(2, 3, 0.9f, "b"), Row(3, 1, 0.7f, "c"),
            Row(0, 2, 0.95f, "missing label"), Row(2, 1, 0.8f, "d"),
        };
        var view = new MLContext(1).Data.LoadFromEnumerable(rows);
        var mistakes = MistakeCollector.Collect(view, ["cat", "dog", "frog"], 3, "Image", "Features");
        CollectionAssert.AreEqual(new[] { "b", "d", "c" }, mistakes.Select(m => m.ImagePath).ToArray());
        Assert.AreEqual(("dog", "frog"), (mistakes[0].TrueClass, mistakes[0].PredictedClass));
        Assert.AreEqual(0.9f, mistakes[0].Probability, 1e-6f);
        CollectionAssert.AreEqual(new byte[] { 0, 255 }, mistakes[0].Picture!.Pixels);
    }
}
