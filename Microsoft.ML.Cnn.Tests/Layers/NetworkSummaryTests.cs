using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class NetworkSummaryTests
{
    [TestMethod]
    public void Summary_SeedCnn_KerasParameterCounts()
    {
        var summary = SeedCnn.Create([1, 28, 28], 10).Summary();
        CollectionAssert.AreEqual(new long[] { 0, 320, 0, 18_496, 0, 0, 204_928, 1_290 }, summary.Rows.Select(r => r.ParameterCount).ToArray());
        Assert.AreEqual(225_034, summary.TotalParameters);
        Assert.AreEqual(225_034, summary.TrainableParameters);
        Assert.AreEqual(0, summary.NonTrainableParameters);
        Assert.AreEqual(new Shape(Shape.Batch, 32, 26, 26), summary.Rows[1].OutputShape);
        Assert.AreEqual(new Shape(Shape.Batch, 1600), summary.Rows[5].OutputShape);
    }

    [TestMethod]
    public void Summary_LeNet5_ClassicCounts()
    {
        var summary = LeNet5.Create([1, 28, 28], 10).Summary();
        var counts = summary.Rows.Where(r => r.ParameterCount > 0).ToDictionary(r => r.Name, r => r.ParameterCount);
        Assert.AreEqual(156, counts["c1"]);
        Assert.AreEqual(2_416, counts["c3"]);
        Assert.AreEqual(48_120, counts["c5"]);
        Assert.AreEqual(10_164, counts["f6"]);
        Assert.AreEqual(850, counts["output"]);
        Assert.AreEqual(61_706, summary.TotalParameters);
    }

    [TestMethod]
    public void Summary_BatchNorm_RunningStatisticsAreNonTrainable()
    {
        var network = Network.Sequential([3, 4, 4], [new Conv2D(8, 3, useBias: false), new BatchNorm()]);
        var summary = network.Summary();
        Assert.AreEqual(216 + 32, summary.TotalParameters);
        Assert.AreEqual(16, summary.NonTrainableParameters);
    }

    [TestMethod]
    public void Summary_CeilModePooling_ShowsDetailBesideType()
    {
        var summary = Network.Sequential([3, 112, 112], [new MaxPool2D(3, 2, ceilMode: true, name: "maxpool1"), new MaxPool2D(2, name: "maxpool2")]).Summary();
        Assert.AreEqual("ceil mode", summary.Rows[1].Details);
        Assert.AreEqual("", summary.Rows[2].Details);
        StringAssert.Contains(summary.ToString(), "maxpool1 (MaxPool2D, ceil mode)");
        StringAssert.Contains(summary.ToString(), "maxpool2 (MaxPool2D) ");
    }

    [TestMethod]
    public void Summary_FrozenLayer_CountsAsNonTrainable()
    {
        var dense = new Dense(4, name: "frozen");
        var network = Network.Sequential([3], [dense, new Dense(2)]);
        dense.Trainable = false;
        Assert.AreEqual(16, network.Summary().NonTrainableParameters);
    }

    [TestMethod]
    public void Summary_MultiInputLayer_ListsConnectedTo()
    {
        var input = Network.Input(4, 3, 3);
        var a = new ReLU(name: "a").Call(input);
        var sum = new Add(name: "sum").Call(input, a);
        var summary = new Network(input, sum).Summary();
        CollectionAssert.AreEqual(new[] { "input", "a" }, summary.Rows.Single(r => r.Name == "sum").ConnectedTo.ToArray());
        Assert.IsEmpty(summary.Rows.Single(r => r.Name == "a").ConnectedTo);
        StringAssert.Contains(summary.ToString(), "input, a");
    }

    [TestMethod]
    public void ToString_SeedCnn_KerasLikeTable()
    {
        string text = SeedCnn.Create([1, 28, 28], 10).Summary().ToString();
        var lines = text.Split(Environment.NewLine);
        StringAssert.StartsWith(lines[0], "Layer (type)");
        StringAssert.Matches(lines[3], new System.Text.RegularExpressions.Regex(@"^conv2d_1 \(Conv2D\)\s+\(N, 32, 26, 26\)\s+320$"));
        StringAssert.Contains(text, "dense_1 (Dense)");
        StringAssert.Contains(text, "204,928");
        Assert.AreEqual("Total params: 225,034", lines[^3]);
        Assert.AreEqual("Trainable params: 225,034", lines[^2]);
        Assert.AreEqual("Non-trainable params: 0", lines[^1]);
    }
}
