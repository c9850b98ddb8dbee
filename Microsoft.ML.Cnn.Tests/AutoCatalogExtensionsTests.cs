// mlContext.Auto(): the catalog of AutoML experiments, as ML.NET's AutoML package adds it.
using Microsoft.ML.Cnn.AutoML;

namespace Microsoft.ML.Cnn.Tests;

[TestClass]
public sealed class AutoCatalogExtensionsTests
{
    [TestMethod]
    public void Auto_CreatesExperimentsWithTheGivenSettings()
    {
        var ml = new MLContext(1);
        var settings = new MulticlassExperimentSettings { MaxModels = 5 };

        var experiment = ml.Auto().CreateMulticlassClassificationExperiment(settings);

        Assert.AreSame(settings, experiment.Settings);
        Assert.AreEqual(30u, ml.Auto().CreateMulticlassClassificationExperiment(30).Settings.MaxExperimentTimeInSeconds);
        Assert.ThrowsExactly<ArgumentNullException>(() => AutoCatalogExtensions.Auto(null!));
    }
}
