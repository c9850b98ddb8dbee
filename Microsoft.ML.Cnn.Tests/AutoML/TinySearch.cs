// A search small enough for unit tests: the 8x8 quadrant images of the trainer tests, tiny networks, rungs at 1 and
// 3 epochs, one managed thread (so runs are bit-for-bit reproducible).
using Microsoft.ML.Cnn.AutoML;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Tests.Trainers;

namespace Microsoft.ML.Cnn.Tests.AutoML;

internal static class TinySearch
{
    /// <summary>Networks of 4 or 8 filters on 8x8 images; everything else varies a little.</summary>
    public static CnnSearchSpace Space { get; } = new()
    {
        ConvBlocks = new UniformIntOption(1, 2),
        ConvLayersPerBlock = new ChoiceOption<int>(1),
        Filters = new ChoiceOption<int>(4, 8),
        KernelSize = new ChoiceOption<int>(3),
        DenseUnits = new ChoiceOption<int>(8, 16),
        BatchSize = new ChoiceOption<int>(16, 32),
        LearningRate = new UniformSingleOption(3e-3f, 3e-2f, logBase: true),
    };

    /// <summary>Seeded settings with rungs at 1 and 3 epochs and at most <paramref name="maxModels"/> trials.</summary>
    public static MulticlassExperimentSettings Settings(int? maxModels = 4, int seed = 5) => new()
    {
        SearchSpace = Space,
        Seed = seed,
        MaxModels = maxModels,
        MaxExperimentTimeInSeconds = 300,
        SuccessiveHalving = new SuccessiveHalvingOptions { MinEpochs = 1, MaxEpochs = 3 },
        Backend = BackendKind.Managed,
        NumberOfThreads = 1,
    };

    /// <summary>Quadrant rows with a text label (the experiment maps it to keys).</summary>
    public static IDataView Rows(MLContext context, int count = 150, int seed = 1) => context.Data.LoadFromEnumerable(QuadrantData.Rows(count, seed));
}
