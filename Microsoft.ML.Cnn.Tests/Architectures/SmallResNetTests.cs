using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Tests.Architectures;

[TestClass]
public sealed class SmallResNetTests
{
    [TestMethod]
    public void Create_ThreeStages_ProjectionOnlyWhereShapeChanges()
    {
        var network = SmallResNet.Create([1, 28, 28], 10);
        var projections = network.Layers.Where(l => l.Name.EndsWith("_projection", StringComparison.Ordinal)).Select(l => l.Name).ToArray();
        CollectionAssert.AreEqual(new[] { "stage2_block1_projection", "stage3_block1_projection" }, projections);
        Assert.AreEqual(3, network.Layers.OfType<Add>().Count());
        Assert.AreEqual(new Shape(Shape.Batch, 64, 7, 7), network.Applications.Single(a => a.Layer?.Name == "stage3_block1_out").Shape);
        Assert.AreEqual(2, network.Summary().Rows.Single(r => r.Name == "stage1_block1_add").ConnectedTo.Count);
    }

    [TestMethod]
    public void Create_TwoBlocksPerStage_SixResidualBlocks()
    {
        Assert.AreEqual(6, SmallResNet.Create([1, 28, 28], 10, blocksPerStage: 2).Layers.OfType<Add>().Count());
    }
}
