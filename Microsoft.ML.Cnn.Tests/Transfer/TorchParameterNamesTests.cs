using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Transfer;

namespace Microsoft.ML.Cnn.Tests.Transfer;

[TestClass]
public sealed class TorchParameterNamesTests
{
    [TestMethod]
    [DataRow("conv1.weight", "conv1.weight")]
    [DataRow("fc.bias", "fc.bias")]
    [DataRow("layer1.0.bn1.gamma", "layer1.0.bn1.weight")]
    [DataRow("layer1.0.bn1.beta", "layer1.0.bn1.bias")]
    [DataRow("features.norm0.running_mean", "features.norm0.running_mean")]
    [DataRow("layer2.0.downsample.1.running_variance", "layer2.0.downsample.1.running_var")]
    [DataRow("custom.scale", "custom.scale")]
    [DataRow("nodot", "nodot")]
    public void ToTorch_ParameterName_MapsSuffixOnly(string parameterName, string torchKey) =>
        Assert.AreEqual(torchKey, TorchParameterNames.ToTorch(parameterName));

    [TestMethod]
    public void ToTorch_EveryParameterOfEveryBuiltInLayer_HasAKnownSuffix()
    {
        var network = Network.Sequential([3, 8, 8],
            [new Conv2D(4, 3), new BatchNorm(), new DepthwiseConv2D(3), new Flatten(), new Dense(2)]);
        foreach (var parameter in network.Parameters)
            Assert.IsTrue(TorchParameterNames.Suffixes.ContainsKey(parameter.Name[(parameter.Name.LastIndexOf('.') + 1)..]), parameter.Name);
    }
}
