using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using static Microsoft.ML.Cnn.Tests.Layers.LayerTestHelpers;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class LocalResponseNormTests
{
    [TestMethod]
    public void Constructor_Defaults_ArePyTorchs()
    {
        var lrn = new LocalResponseNorm(5);
        Assert.AreEqual((5, 1e-4f, 0.75f, 1f), (lrn.Size, lrn.Alpha, lrn.Beta, lrn.K));
    }

    [TestMethod]
    public void AlexNetPaper_PaperConstants_AlphaScaledBySize()
    {
        var lrn = LocalResponseNorm.AlexNetPaper("norm1");
        Assert.AreEqual((5, 5e-4f, 0.75f, 2f), (lrn.Size, lrn.Alpha, lrn.Beta, lrn.K));
        Assert.AreEqual(1e-4f, lrn.Alpha / lrn.Size, 1e-9f, "the paper's alpha multiplies the plain sum");
        Assert.AreEqual("norm1", lrn.Name);
    }

    [TestMethod]
    public void Forward_Image_EmitsOpWithTheLayersConstantsAndKeepsShape()
    {
        var network = Apply(new LocalResponseNorm(4, 2e-3f, 0.5f, 1.5f), 96, 13, 13);
        var op = LayerOps(network, NetworkMode.Training).OfType<Cnn.Ops.LocalResponseNorm>().Single();
        Assert.AreEqual(new Cnn.Ops.LocalResponseNorm(4, 2e-3f, 0.5f, 1.5f), op);
        Assert.AreEqual(new Shape(Shape.Batch, 96, 13, 13), network.Outputs[0].Shape);
        Assert.IsEmpty(network.Parameters);
    }

    [TestMethod]
    public void Predict_ChannelWindow_NormalizesByNeighbours()
    {
        // Size 3, alpha 3 (alpha/size = 1), beta 1, k 1 on channels (1, 2, 3) at one position: windows {0,1}, {0,1,2}, {1,2}.
        using var predictor = new Cnn.Training.Predictor(Network.Sequential([3, 1, 1], [new LocalResponseNorm(3, 3f, 1f, 1f)]));
        float[] y = predictor.Predict([1, 2, 3], 1);
        float[] expected = [1f / 6, 2f / 15, 3f / 14];
        for (int c = 0; c < 3; c++) Assert.AreEqual(expected[c], y[c], 1e-6f, $"channel {c}");
    }

    [TestMethod]
    public void Call_FlatInput_FailsNamingLayer()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => Apply(new LocalResponseNorm(5, name: "lrn"), 10));
        Assert.AreEqual("lrn", e.LayerName);
        StringAssert.Contains(e.Message, "[N, C, H, W]");
    }

    [TestMethod]
    [DataRow(0, 1e-4f, 0.75f, 1f, "size")]
    [DataRow(5, -1f, 0.75f, 1f, "alpha")]
    [DataRow(5, float.NaN, 0.75f, 1f, "alpha")]
    [DataRow(5, 1e-4f, -0.5f, 1f, "beta")]
    [DataRow(5, 1e-4f, 0.75f, 0f, "k")]
    [DataRow(5, 1e-4f, 0.75f, float.PositiveInfinity, "k")]
    public void Constructor_OutOfRange_ThrowsNamingTheArgument(int size, float alpha, float beta, float k, string parameter)
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LocalResponseNorm(size, alpha, beta, k));
        Assert.AreEqual(parameter, e.ParamName);
    }
}
