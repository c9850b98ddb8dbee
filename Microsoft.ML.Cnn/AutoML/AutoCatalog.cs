// mlContext.Auto(): the AutoML experiments of this library, named as ML.NET's AutoCatalog names them.
namespace Microsoft.ML.Cnn.AutoML;

/// <summary>Creates AutoML experiments that search Cnn networks and training settings (reached as <c>mlContext.Auto()</c>).</summary>
public sealed class AutoCatalog
{
    private readonly MLContext _context;

    internal AutoCatalog(MLContext context) => _context = context;

    /// <summary>A multiclass experiment limited to <paramref name="maxExperimentTimeInSeconds"/>, other settings at their defaults.</summary>
    public MulticlassClassificationExperiment CreateMulticlassClassificationExperiment(uint maxExperimentTimeInSeconds) =>
        CreateMulticlassClassificationExperiment(new MulticlassExperimentSettings { MaxExperimentTimeInSeconds = maxExperimentTimeInSeconds });

    /// <summary>A multiclass experiment with <paramref name="experimentSettings"/>.</summary>
    public MulticlassClassificationExperiment CreateMulticlassClassificationExperiment(MulticlassExperimentSettings experimentSettings) =>
        new(_context, experimentSettings);

    /// <summary>A binary experiment limited to <paramref name="maxExperimentTimeInSeconds"/>, other settings at their defaults.</summary>
    public BinaryClassificationExperiment CreateBinaryClassificationExperiment(uint maxExperimentTimeInSeconds) =>
        CreateBinaryClassificationExperiment(new BinaryExperimentSettings { MaxExperimentTimeInSeconds = maxExperimentTimeInSeconds });

    /// <summary>A binary experiment with <paramref name="experimentSettings"/>.</summary>
    public BinaryClassificationExperiment CreateBinaryClassificationExperiment(BinaryExperimentSettings experimentSettings) =>
        new(_context, experimentSettings);
}
