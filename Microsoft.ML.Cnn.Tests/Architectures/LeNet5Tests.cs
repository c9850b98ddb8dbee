using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class LeNet5Tests
{
    [TestMethod]
    [DataRow(28, PaddingMode.Same)]
    [DataRow(32, PaddingMode.Valid)]
    public void Create_InputSize_C1PaddingKeepsC3At14(int size, PaddingMode c1Padding)
    {
        var network = LeNet5.Create([1, size, size], 10);
        Assert.AreEqual(c1Padding, ((Conv2D)network.GetLayer("c1")).Padding.Mode);
        Assert.AreEqual(new Shape(Shape.Batch, 16, 10, 10), network.Applications.Single(a => a.Layer?.Name == "c3").Shape);
        Assert.AreEqual(61_706, network.Summary().TotalParameters);
    }

    [TestMethod]
    [DataRow(LeNet5Style.Classic, typeof(AvgPool2D), Activation.Tanh)]
    [DataRow(LeNet5Style.Modern, typeof(MaxPool2D), Activation.Relu)]
    public void Create_Style_ChoosesPoolingAndActivation(LeNet5Style style, Type pool, Activation activation)
    {
        var network = LeNet5.Create([1, 28, 28], 10, style);
        Assert.IsInstanceOfType(network.Layers[1], pool);
        Assert.AreEqual(activation, ((Conv2D)network.GetLayer("c1")).Activation);
    }

    [TestMethod]
    [DataRow(LeNet5Style.Classic)]
    [DataRow(LeNet5Style.Modern)]
    public void Create_32x32_PaperShapesAndParameterCount(LeNet5Style style)
    {
        var network = LeNet5.Create([1, 32, 32], 10, style);
        Assert.AreEqual(Padding.Valid, ((Conv2D)network.GetLayer("c1")).Padding, "no padding on C1 at 32x32");
        Shape[] shapes = network.Applications.Skip(1).Select(a => a.Shape.SampleShape).ToArray();
        CollectionAssert.AreEqual(
            new[] { new Shape(6, 28, 28), new Shape(6, 14, 14), new Shape(16, 10, 10), new Shape(16, 5, 5), new Shape(120, 1, 1), new Shape(120), new Shape(84), new Shape(10) },
            shapes);
        Assert.AreEqual(61_706, network.Summary().TrainableParameters);
    }
}
