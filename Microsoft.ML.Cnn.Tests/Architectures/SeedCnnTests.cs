using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class SeedCnnTests
{
    [TestMethod]
    public void Create_Mnist_KerasExampleLayers()
    {
        var network = SeedCnn.Create([1, 28, 28], 10);
        CollectionAssert.AreEqual(new[] { "Conv2D", "MaxPool2D", "Conv2D", "MaxPool2D", "Flatten", "Dense", "Dense" }, network.Layers.Select(l => l.TypeName).ToArray());
        Assert.AreEqual(225_034, network.Summary().TotalParameters);
    }

    [TestMethod]
    public void CreateBatchNorm_HasBatchNormAfterEachConvAndDropoutBeforeLastDense()
    {
        var layers = SeedCnnBatchNorm.Create([1, 28, 28], 10).Layers;
        Assert.AreEqual(2, layers.OfType<BatchNorm>().Count());
        Assert.IsInstanceOfType<BatchNorm>(layers[1]);
        Assert.IsInstanceOfType<Dropout>(layers[^2]);
        Assert.IsTrue(layers.OfType<Conv2D>().All(c => !c.UseBias));
    }
}
