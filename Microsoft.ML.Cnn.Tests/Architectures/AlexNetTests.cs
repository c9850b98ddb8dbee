using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class AlexNetTests
{
    [TestMethod]
    public void Create_Paper_LayerShapesAsInThePaper()
    {
        var network = AlexNet.Create([3, 227, 227], 1000);
        Assert.AreEqual(new Shape(96, 55, 55), PresetChecks.OutputOf(network, "features.0"));
        Assert.AreEqual(new Shape(96, 55, 55), PresetChecks.OutputOf(network, "features.2"));
        Assert.AreEqual(new Shape(96, 27, 27), PresetChecks.OutputOf(network, "features.3"));
        Assert.AreEqual(new Shape(256, 27, 27), PresetChecks.OutputOf(network, "features.4"));
        Assert.AreEqual(new Shape(256, 13, 13), PresetChecks.OutputOf(network, "features.7"));
        Assert.AreEqual(new Shape(384, 13, 13), PresetChecks.OutputOf(network, "features.8"));
        Assert.AreEqual(new Shape(256, 6, 6), PresetChecks.OutputOf(network, "features.14"));
        Assert.AreEqual(new Shape(1000), network.OutputShape);
        Assert.AreEqual(2, ((Conv2D)network.GetLayer("features.4")).Groups);
        Assert.AreEqual(1, ((Conv2D)network.GetLayer("features.8")).Groups, "conv3 sees both halves");
        Assert.AreEqual(2, ((Conv2D)network.GetLayer("features.10")).Groups);
        Assert.AreEqual(2, ((Conv2D)network.GetLayer("features.12")).Groups);
    }

    [TestMethod]
    [DataRow("features.2")]
    [DataRow("features.6")]
    public void Create_Paper_LrnAfterTheFirstTwoReLUsWithThePapersConstants(string name)
    {
        var lrn = (LocalResponseNorm)AlexNet.Create([3, 227, 227], 10).GetLayer(name);
        Assert.AreEqual((5, 5e-4f, 0.75f, 2f), (lrn.Size, lrn.Alpha, lrn.Beta, lrn.K), "alpha 1e-4 on the plain sum is 5e-4 on PyTorch's mean");
    }

    [TestMethod]
    [DataRow(true, 60_965_224L)]
    [DataRow(false, 62_378_344L)]
    public void Create_Paper_ParameterCountIsThePapers(bool grouped, long expected)
    {
        var network = AlexNet.Create([3, 227, 227], 1000, new AlexNetOptions { GroupedConvolutions = grouped });
        Assert.AreEqual(expected, PresetChecks.TrainableCount(network));
    }

    [TestMethod]
    [DataRow(true, new[] { "features.0", "features.4", "features.8", "features.10", "features.12", "classifier.0", "classifier.3", "classifier.6" })]
    [DataRow(false, new[] { "features.0", "features.3", "features.6", "features.8", "features.10", "classifier.0", "classifier.3", "classifier.6" })]
    public void Create_Paper_SequentialIndicesAsNamesAndDropoutAfterReLU(bool lrn, string[] layersWithParameters)
    {
        var network = AlexNet.Create([3, 227, 227], 10, new AlexNetOptions { GroupedConvolutions = false, LocalResponseNorm = lrn });
        CollectionAssert.AreEqual(layersWithParameters, network.Layers.Where(l => l.Parameters.Count > 0).Select(l => l.Name).ToArray());
        Assert.AreEqual(lrn, network.Layers.OfType<LocalResponseNorm>().Any());
        Assert.IsInstanceOfType<Dropout>(network.GetLayer("classifier.2"));
        Assert.IsInstanceOfType<Dropout>(network.GetLayer("classifier.5"));
    }

    [TestMethod]
    public void Create_Torchvision_StateDictKeysShapesAndCountsMatch()
    {
        var network = AlexNet.Create([3, 224, 224], 1000, AlexNetOptions.Torchvision);
        CollectionAssert.AreEqual(TorchvisionReference.MappedStateDict("alexnet").ToArray(), TorchvisionReference.Entries(network).ToArray());
        Assert.AreEqual(TorchvisionReference.ParameterCount("alexnet", 1000), PresetChecks.TrainableCount(network));
        Assert.AreEqual(new Shape(64, 55, 55), PresetChecks.OutputOf(network, "features.0"));
        Assert.AreEqual(new Shape(256, 6, 6), PresetChecks.OutputOf(network, "features.12"));
    }

    [TestMethod]
    public void Create_Torchvision10Classes_CountMatches()
    {
        var network = AlexNet.Create([3, 224, 224], 10, AlexNetOptions.Torchvision);
        Assert.AreEqual(TorchvisionReference.ParameterCount("alexnet", 10), PresetChecks.TrainableCount(network));
    }

    [TestMethod]
    public void Create_InputGivingAnotherMap_ThrowsNamingLayerShapesAndSizes()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => AlexNet.Create([3, 260, 260], 1000));
        StringAssert.Contains(error.Message, "AlexNet's classifier needs features.14 (MaxPool2D) to give 256x6x6; a 3x260x260 input gives 256x7x7.");
        StringAssert.Contains(error.Message, "227x227");
        StringAssert.Contains(error.Message, "Heights and widths from 227 to 258 give 6x6 here.");
    }

    [TestMethod]
    public void Create_TorchvisionInputGivingAnotherMap_SaysWhichSizesWork()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => AlexNet.Create([3, 200, 224], 1000, AlexNetOptions.Torchvision));
        StringAssert.Contains(error.Message, "a 3x200x224 input gives 256x5x6.");
        StringAssert.Contains(error.Message, "Heights and widths from 223 to 254 give 6x6 here.");
    }

    [TestMethod]
    public void Create_TooSmallInput_ShapeErrorNamesTheLayer()
    {
        var error = Assert.ThrowsExactly<ShapeInferenceException>(() => AlexNet.Create([3, 30, 30], 1000));
        Assert.AreEqual("features.7", error.LayerName);
    }

    [TestMethod]
    [DataRow(true, null)]
    [DataRow(null, true)]
    public void Create_TorchvisionWithGroupsOrLrn_Throws(bool? groups, bool? lrn)
    {
        var options = AlexNetOptions.Torchvision with { GroupedConvolutions = groups, LocalResponseNorm = lrn };
        var error = Assert.ThrowsExactly<ArgumentException>(() => AlexNet.Create([3, 224, 224], 1000, options));
        StringAssert.Contains(error.Message, "torchvision's alexnet has neither");
    }

    [TestMethod]
    public void Create_UnknownVariant_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => AlexNet.Create([3, 227, 227], 10, new AlexNetOptions { Variant = (AlexNetVariant)9 }));
    }

    [TestMethod]
    [DataRow(new[] { 0, 227, 227 }, 10)]
    [DataRow(new[] { 227, 227 }, 10)]
    [DataRow(new[] { 3, 227, 227 }, 0)]
    public void Create_BadArguments_Throw(int[] shape, int classes)
    {
        Assert.Throws<ArgumentException>(() => AlexNet.Create(shape, classes));
    }

    [TestMethod]
    public void Create_OneChannel_Works()
    {
        Assert.AreEqual(new Shape(96, 55, 55), PresetChecks.OutputOf(AlexNet.Create([1, 227, 227], 2), "features.0"));
    }

    [TestMethod]
    public void Predict_FullSizePaperNetwork_GivesSaneLogits()
    {
        PresetChecks.ForwardPassIsSane(AlexNet.Create([3, 227, 227], 1000, seed: 3), count: 3);
    }
}
