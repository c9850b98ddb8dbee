// The Cnn trainers' entry points, as ML.NET's catalog extensions: mlContext.<Task>.Trainers.Cnn(...), each with a
// simple overload and an Options overload. In the root namespace so the `using` that brings MLContext brings them.
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn;

/// <summary>Adds <c>Cnn</c> to the multiclass, binary and regression trainer catalogs.</summary>
public static class CnnCatalog
{
    /// <summary>A trainer of a convolutional network that classifies rows into the classes of a key label.</summary>
    /// <param name="catalog">The multiclass trainers of an MLContext.</param>
    /// <param name="labelColumnName">The key label column (e.g. from MapValueToKey).</param>
    /// <param name="featureColumnName">A known-size Single vector column, (C, H, W) for images (as ExtractPixels writes it).</param>
    /// <param name="exampleWeightColumnName">A Single column weighting rows; null for equal weights.</param>
    /// <param name="architecture">The network; null for <see cref="CnnArchitecture.Default"/>.</param>
    /// <param name="maxEpoch">Passes over the training rows.</param>
    /// <param name="batchSize">Rows per training step.</param>
    /// <param name="learningRate">Adam's learning rate.</param>
    public static CnnMulticlassTrainer Cnn(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string? exampleWeightColumnName = null,
        CnnArchitecture? architecture = null, int maxEpoch = 10, int batchSize = 32, float learningRate = 1e-3f)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new CnnMulticlassTrainer(catalog.Context, new CnnMulticlassTrainer.Options
        {
            LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, ExampleWeightColumnName = exampleWeightColumnName,
            Architecture = architecture, MaxEpoch = maxEpoch, BatchSize = batchSize, LearningRate = learningRate,
        });
    }

    /// <summary>A multiclass Cnn trainer configured by <paramref name="options"/>.</summary>
    public static CnnMulticlassTrainer Cnn(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, CnnMulticlassTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new CnnMulticlassTrainer(catalog.Context, options);
    }

    /// <summary>A trainer of a convolutional network that tells a positive class from a negative one.</summary>
    /// <param name="catalog">The binary trainers of an MLContext.</param>
    /// <param name="labelColumnName">The label column: Boolean (or Single, positive above 0, or a key with 2 values).</param>
    /// <param name="featureColumnName">A known-size Single vector column, (C, H, W) for images.</param>
    /// <param name="exampleWeightColumnName">A Single column weighting rows; null for equal weights.</param>
    /// <param name="architecture">The network; null for <see cref="CnnArchitecture.Default"/>.</param>
    /// <param name="maxEpoch">Passes over the training rows.</param>
    /// <param name="batchSize">Rows per training step.</param>
    /// <param name="learningRate">Adam's learning rate.</param>
    public static CnnBinaryTrainer Cnn(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string? exampleWeightColumnName = null,
        CnnArchitecture? architecture = null, int maxEpoch = 10, int batchSize = 32, float learningRate = 1e-3f)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new CnnBinaryTrainer(catalog.Context, new CnnBinaryTrainer.Options
        {
            LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, ExampleWeightColumnName = exampleWeightColumnName,
            Architecture = architecture, MaxEpoch = maxEpoch, BatchSize = batchSize, LearningRate = learningRate,
        });
    }

    /// <summary>A binary Cnn trainer configured by <paramref name="options"/>.</summary>
    public static CnnBinaryTrainer Cnn(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, CnnBinaryTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new CnnBinaryTrainer(catalog.Context, options);
    }

    /// <summary>A trainer of a convolutional network that predicts a number per row.</summary>
    /// <param name="catalog">The regression trainers of an MLContext.</param>
    /// <param name="labelColumnName">The Single label column.</param>
    /// <param name="featureColumnName">A known-size Single vector column, (C, H, W) for images.</param>
    /// <param name="exampleWeightColumnName">A Single column weighting rows; null for equal weights.</param>
    /// <param name="architecture">The network; null for <see cref="CnnArchitecture.Default"/>.</param>
    /// <param name="maxEpoch">Passes over the training rows.</param>
    /// <param name="batchSize">Rows per training step.</param>
    /// <param name="learningRate">Adam's learning rate.</param>
    public static CnnRegressionTrainer Cnn(this RegressionCatalog.RegressionTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string? exampleWeightColumnName = null,
        CnnArchitecture? architecture = null, int maxEpoch = 10, int batchSize = 32, float learningRate = 1e-3f)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new CnnRegressionTrainer(catalog.Context, new CnnRegressionTrainer.Options
        {
            LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, ExampleWeightColumnName = exampleWeightColumnName,
            Architecture = architecture, MaxEpoch = maxEpoch, BatchSize = batchSize, LearningRate = learningRate,
        });
    }

    /// <summary>A regression Cnn trainer configured by <paramref name="options"/>.</summary>
    public static CnnRegressionTrainer Cnn(this RegressionCatalog.RegressionTrainers catalog, CnnRegressionTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new CnnRegressionTrainer(catalog.Context, options);
    }
}
