// The entry point of ML.NET-shaped pipelines: a seed, a log, and the operation catalogs (data, transforms, tasks).
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Transforms;

namespace Microsoft.ML.Cnn;

/// <summary>
/// The shared context of a pipeline, as ML.NET's MLContext: the source of randomness for every seeded operation
/// and the <see cref="Log"/> every component writes to.
/// </summary>
public sealed class MLContext
{
    private readonly SeededRandom _random;
    private readonly object _randomLock = new();

    /// <summary>
    /// Creates a context. With a <paramref name="seed"/> every operation that takes no seed of its own is reproducible;
    /// without one (as in ML.NET) each context draws a different stream.
    /// </summary>
    public MLContext(int? seed = null)
    {
        _random = new SeededRandom(seed ?? Environment.TickCount64 ^ Environment.ProcessId);
        Data = new DataOperationsCatalog(this);
        Transforms = new TransformsCatalog(this);
        MulticlassClassification = new MulticlassClassificationCatalog(this);
        BinaryClassification = new BinaryClassificationCatalog(this);
        Regression = new RegressionCatalog(this);
        Model = new ModelOperationsCatalog(this);
    }

    /// <summary>Loading, splitting, shuffling, caching and converting data views.</summary>
    public DataOperationsCatalog Data { get; }

    /// <summary>Column transformations: copying, concatenation, key conversions.</summary>
    public TransformsCatalog Transforms { get; }

    /// <summary>Multiclass classification trainers and evaluation.</summary>
    public MulticlassClassificationCatalog MulticlassClassification { get; }

    /// <summary>Binary classification trainers and evaluation.</summary>
    public BinaryClassificationCatalog BinaryClassification { get; }

    /// <summary>Regression trainers and evaluation.</summary>
    public RegressionCatalog Regression { get; }

    /// <summary>Saving, loading and single-row prediction of fitted models.</summary>
    public ModelOperationsCatalog Model { get; }

    /// <summary>Messages from every component using this context (progress, metrics, warnings).</summary>
    public event EventHandler<LoggingEventArgs>? Log;

    /// <summary>The next seed of the context's stream, for an operation called without a seed.</summary>
    internal int NextSeed()
    {
        lock (_randomLock) return (int)_random.NextUInt32();
    }

    /// <summary>Raises <see cref="Log"/>.</summary>
    internal void WriteLog(string source, ChannelMessageKind kind, string message) =>
        Log?.Invoke(this, new LoggingEventArgs(source, kind, message));
}
