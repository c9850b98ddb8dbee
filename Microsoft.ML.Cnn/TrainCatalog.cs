// The task catalogs of MLContext, as in ML.NET: each holds its trainers (extended by extension methods, e.g. Cnn)
// and its evaluator.
namespace Microsoft.ML.Cnn;

/// <summary>Multiclass classification: trainers and evaluation, reached as <c>mlContext.MulticlassClassification</c>.</summary>
public sealed class MulticlassClassificationCatalog
{
    internal MulticlassClassificationCatalog(MLContext context)
    {
        Context = context;
        Trainers = new MulticlassClassificationTrainers(context);
    }

    internal MLContext Context { get; }

    /// <summary>The multiclass trainers (see <c>Trainers.Cnn</c>).</summary>
    public MulticlassClassificationTrainers Trainers { get; }

    /// <summary>The multiclass trainers; each trainer adds itself as an extension method.</summary>
    public sealed class MulticlassClassificationTrainers
    {
        internal MulticlassClassificationTrainers(MLContext context) => Context = context;

        internal MLContext Context { get; }
    }
}

/// <summary>Binary classification: trainers and evaluation, reached as <c>mlContext.BinaryClassification</c>.</summary>
public sealed class BinaryClassificationCatalog
{
    internal BinaryClassificationCatalog(MLContext context)
    {
        Context = context;
        Trainers = new BinaryClassificationTrainers(context);
    }

    internal MLContext Context { get; }

    /// <summary>The binary trainers (see <c>Trainers.Cnn</c>).</summary>
    public BinaryClassificationTrainers Trainers { get; }

    /// <summary>The binary trainers; each trainer adds itself as an extension method.</summary>
    public sealed class BinaryClassificationTrainers
    {
        internal BinaryClassificationTrainers(MLContext context) => Context = context;

        internal MLContext Context { get; }
    }
}

/// <summary>Regression: trainers and evaluation, reached as <c>mlContext.Regression</c>.</summary>
public sealed class RegressionCatalog
{
    internal RegressionCatalog(MLContext context)
    {
        Context = context;
        Trainers = new RegressionTrainers(context);
    }

    internal MLContext Context { get; }

    /// <summary>The regression trainers (see <c>Trainers.Cnn</c>).</summary>
    public RegressionTrainers Trainers { get; }

    /// <summary>The regression trainers; each trainer adds itself as an extension method.</summary>
    public sealed class RegressionTrainers
    {
        internal RegressionTrainers(MLContext context) => Context = context;

        internal MLContext Context { get; }
    }
}
